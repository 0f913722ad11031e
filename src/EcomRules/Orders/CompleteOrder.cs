using EcomRules.Commands;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Completes a received order once its return window has closed with no open return (ORD-1), and asks for the
/// follow-up visit (ORD-5). Usually issued by the timer scheduler when the window closes.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who completes it (usually the system).</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
public sealed record CompleteOrder(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.Complete;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
        => Accept(order, order.Completing(At), version,
            new DomainEvent[] { new OrderCompleted(Target, At), new FollowUpVisitRequested(Target, At) }); // ORD-5; an array, not a list over one

    internal override void WriteFields(PayloadWriter writer)
    {
    }
}
