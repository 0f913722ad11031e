using System.Globalization;
using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Fired by the durable re-review timer at the end of the due working day (MER-1): an admitted merchant whose review is
/// due on or before that day and was not done is suspended, naming the lapse. When the review was done meanwhile (the
/// due date moved) or the merchant is no longer admitted, it is accepted and changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer).</param>
/// <param name="Actor">The system.</param>
/// <param name="At">When the timer came due.</param>
/// <param name="Merchant">The merchant.</param>
public sealed record LapseMerchantReReview(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant) : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer1;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits) => null;

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (merchant.State != MerchantState.Admitted || merchant.ReReviewDue is not { } due || due > policy.Calendar.DateOf(At))
        {
            return CommandOutcome.Accept($"re-review not lapsed ({merchant.State}, due {merchant.ReReviewDue?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "never"})", [], []);
        }

        var reason = $"MER-1: the qualification re-review due on {due.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} lapsed.";
        var next = merchant.Into(MerchantState.Suspended, reason);
        return Accept(merchant, version, next, [new MerchantStatusChanged(Target, At, merchant.State, next.State, reason)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer)
    {
    }
}
