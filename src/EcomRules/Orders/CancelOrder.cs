using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Cancels an order at the buyer's request before they sign for receipt (ORD-2): everything paid is refunded in full;
/// after shipment the parcel is intercepted or returned, and the refund is still full. Refused after receipt or
/// completion (ORD-2). Open SLA timers are cancelled. When money was paid, the full unrefunded amount is reserved on the
/// order; the refund module opens its refund in the same change set (<see cref="OrderCancelled.Refund"/>), which then
/// goes through the refund path like any other refund (REF-2, REF-3, INV-3).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who cancels (the buyer or service staff on their behalf).</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
/// <param name="CancellationReason">Why, as the buyer said (recorded in the audit trail).</param>
public sealed record CancelOrder(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, string? CancellationReason = null)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    /// <inheritdoc />
    public override string? Reason => CancellationReason;

    internal override OrderTrigger Trigger => OrderTrigger.Cancel;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        var refund = order.Refundable; // ORD-2: everything paid and not yet refunded or reserved
        var intercept = order.State == OrderState.Shipped;
        var timers = new List<TimerRequest>();
        timers.Add(new TimerRequest(Target, "dispatch", PayOrder.DispatchDeadlineTimerKind, null));
        var slas = SlaSchedule.CancelOpen(order.Slas, Target, At, timers, "order cancelled");
        var events = new List<DomainEvent>();
        events.Add(new OrderCancelled(Target, At, refund, intercept));
        events.Add(new CustomerNotificationRequested(Target, At, order.Buyer.Phone, "order-cancelled",
            $"Your order {OrderId} is cancelled; {refund} will be refunded in full.")); // ORD-2, ORD-4
        return Accept(order, order.Cancelling(At, refund, slas), version, events, timers);
    }

    internal override InputProblem? CheckInput(InputLimits limits) => limits.Reason(CancellationReason, "cancellation reason");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("reason", CancellationReason);
}
