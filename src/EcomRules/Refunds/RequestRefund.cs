using EcomRules.Engine;
using EcomRules.Orders;
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

        if (string.IsNullOrWhiteSpace(RefundReason))
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, "A refund needs a reason (SEC-3).");
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
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("refund", RefundId.ToString()).Add("amount", Amount).Add("reason", RefundReason);
}
