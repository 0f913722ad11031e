using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds.Events;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Requests a partial or goodwill refund of a paid order. The amount is reserved on the order in the same change set,
/// so concurrent refunds of one order serialize on the order's version: all refunds together never exceed what was
/// paid (REF-1). Refused when the amount exceeds what is left, or when the order is not paid.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who requests it (service staff); they may sign none of its steps (REF-3).</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The new refund's ID (its order is the order refunded).</param>
/// <param name="Amount">The amount.</param>
/// <param name="RefundReason">Why (recorded in the audit trail).</param>
public sealed record RequestRefund(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId, Money Amount, string RefundReason)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => RefundId.Key;

    /// <inheritdoc />
    public override string? Reason => RefundReason;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [RefundId.Order.Key];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Refund {RefundId} already exists.");
        }

        var orderKey = RefundId.Order.Key;
        if (input.Get<Order>(orderKey) is not { } order)
        {
            return CommandOutcome.NotFound(orderKey);
        }

        if (Refund.CheckLimit(order, Amount) is { } refused)
        {
            return refused; // REF-1
        }

        var refund = Refund.Open(RefundId, order, Amount, RefundReason, Actor.Id, At, input.Policy.Refunds, null);
        return CommandOutcome.Accept("(new) → Requested",
            [new AggregateWrite(Target, 0, refund), new AggregateWrite(orderKey, input.VersionOf(orderKey), order.ReservingRefund(Amount))],
            [new RefundRequested(Target, At, Amount, refund.ApproverRole)]);
    }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (string.IsNullOrWhiteSpace(RefundReason))
        {
            return new InputProblem("A refund needs a reason, recorded in the audit trail.", RuleIds.Sec3);
        }

        // The refunds a cancellation (ORD-2) or a restocked return opens take these numbers; a request may not.
        var number = RefundId.Number;
        return string.Equals(number, RefundId.ForCancellation(RefundId.Order).Number, StringComparison.Ordinal) || number.StartsWith(ReservedReturnPrefix, StringComparison.Ordinal)
            ? new InputProblem($"Refund number '{number}' is kept for the refund of a cancellation or a return; choose another.")
            : limits.Reason(RefundReason, "refund reason");
    }

    /// <summary>The prefix of the numbers of the refunds restocked returns open (<c>return-{case}</c>).</summary>
    internal const string ReservedReturnPrefix = "return-";

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("refund", RefundId.ToString()).Add("amount", Amount).Add("reason", RefundReason);
}
