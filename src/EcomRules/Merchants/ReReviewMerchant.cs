using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The periodic re-review of an admitted merchant's qualifications (MER-1). Passed, the next review is due
/// <see cref="Merchant.ReReviewMonths"/> months later on a working day and the timer moves; a merchant suspended only
/// because its review lapsed or failed is reinstated. Failed, the merchant is suspended with the findings. A merchant the
/// ladder suspended (MER-3) is not reinstated by a review.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The reviewer: operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Passed">Whether the qualifications are still in order.</param>
/// <param name="Findings">What the review found.</param>
public sealed record ReReviewMerchant(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, bool Passed, string Findings)
    : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => Findings;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer1;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits) => Required(Findings, "re-review's findings", RuleIds.Mer1, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (ByPlatform(Actor, RuleIds.Mer1, "A re-review") is { } refused)
        {
            return refused;
        }

        if (merchant.State is not (MerchantState.Admitted or MerchantState.Suspended))
        {
            return CommandOutcome.Refuse(RuleIds.Mer1, $"Merchant {Merchant} is {merchant.State}; only an admitted or suspended merchant is re-reviewed.");
        }

        if (Passed && merchant.Ladder >= SanctionStep.Suspension)
        {
            return CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {Merchant} was suspended by the violation ladder ({merchant.StateReason}); a qualification review does not lift that.");
        }

        if (!Passed)
        {
            var failed = merchant.Into(MerchantState.Suspended, Findings);
            return Accept(merchant, version, failed, [new MerchantStatusChanged(Target, At, merchant.State, failed.State, Findings)], [ReReviewTimer(null, policy)]);
        }

        var today = policy.Calendar.DateOf(At);
        var due = ReviewQualification.DueDate(policy, today, merchant.ReReviewMonths);
        var next = merchant.ReReviewedUntil(today, due).Into(MerchantState.Admitted, null);
        List<DomainEvent> events = merchant.State == next.State
            ? [new MerchantReReviewScheduled(Target, At, due)]
            : [new MerchantStatusChanged(Target, At, merchant.State, next.State, Findings), new MerchantReReviewScheduled(Target, At, due)];
        return Accept(merchant, version, next, events, [ReReviewTimer(due, policy)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("passed", Passed).Add("findings", Findings);
}
