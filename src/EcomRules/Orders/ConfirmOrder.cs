using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Confirms a paid order: the customer is identified — matched to a known customer by name and mobile, or new
/// (CUS-3; use <see cref="CustomerIndex.Match"/>) — and the sales order is entered. Stops SLA-1 and SLA-2.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who confirms it (sales).</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
/// <param name="MatchedCustomer">The known customer the order belongs to, or null for a new customer (CUS-3).</param>
public sealed record ConfirmOrder(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, CustomerId? MatchedCustomer = null)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.Confirm;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        var events = new List<DomainEvent>();
        events.Add(new OrderConfirmed(Target, At, MatchedCustomer));
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(order.Slas, policy, Target, At, events, timers, "SLA-1", "SLA-2");
        return Accept(order, order.Confirming(MatchedCustomer, slas), version, events, timers);
    }

    internal override void WriteFields(PayloadWriter writer) => writer.Add("customer", MatchedCustomer?.Value);
}
