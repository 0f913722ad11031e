using System.Globalization;
using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The platform's qualification review of an applying merchant (MER-1): approved, the merchant is admitted and its
/// next review is due <see cref="ReReviewMonths"/> months later, on that day or the next working day, with a durable
/// timer that suspends it when the review lapses (<see cref="LapseMerchantReReview"/>). Reviewed by operations, never by
/// the applicant; the findings are required either way.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The reviewer: operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Approved">Whether the qualifications are in order.</param>
/// <param name="Findings">What the review found (recorded in the audit trail).</param>
/// <param name="ReReviewMonths">Months until the next review: 1 to 36; the default is 12.</param>
public sealed record ReviewQualification(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, bool Approved, string Findings,
    int ReReviewMonths = Merchants.Merchant.DefaultReReviewMonths) : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => Findings;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer1;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => ReReviewMonths is < 1 or > 36
            ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"Merchants are re-reviewed every 1 to 36 months; {ReReviewMonths} was given."), RuleIds.Mer1)
            : Required(Findings, "qualification review's findings", RuleIds.Mer1, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (ByPlatform(Actor, RuleIds.Mer1, "A qualification review") is { } refused)
        {
            return refused;
        }

        if (string.Equals(merchant.AppliedBy, Actor.Id, StringComparison.Ordinal))
        {
            return CommandOutcome.Refuse(RuleIds.Mer1, $"{Actor.Id} applied for merchant {Merchant}; the applicant does not review their own qualifications.");
        }

        if (merchant.State != MerchantState.UnderReview)
        {
            return CommandOutcome.Refuse(RuleIds.Mer1, $"Merchant {Merchant} is {merchant.State}, not under qualification review.");
        }

        if (!Approved)
        {
            var rejected = merchant.Into(MerchantState.Rejected, Findings);
            return Accept(merchant, version, rejected, [new MerchantStatusChanged(Target, At, merchant.State, rejected.State, Findings)]);
        }

        var today = policy.Calendar.DateOf(At);
        var due = DueDate(policy, today, ReReviewMonths);
        var next = merchant.Admitted(At, today, ReReviewMonths, due);
        return Accept(merchant, version, next,
            [new MerchantStatusChanged(Target, At, merchant.State, next.State, Findings), new MerchantReReviewScheduled(Target, At, due)],
            [ReReviewTimer(due, policy)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("approved", Approved).Add("findings", Findings).Add("months", ReReviewMonths);

    /// <summary>MER-1: the next review is due <paramref name="months"/> months after <paramref name="reviewedOn"/>, on that day or the next working day.</summary>
    internal static LocalDate DueDate(EcomPolicy policy, LocalDate reviewedOn, int months)
        => policy.Calendar.AddWorkingDays(reviewedOn.PlusMonths(months), 0);
}
