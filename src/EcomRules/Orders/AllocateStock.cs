using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Reserves stock and records the delivery note (交货单). Stops SLA-3, starts SLA-4 (hand-over within one working
/// hour once in stock), and asks for the invoice covering goods and freight (INV-1) in the order's batch (INV-2).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who allocates (the warehouse).</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
/// <param name="DeliveryNote">The delivery note number.</param>
public sealed record AllocateStock(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, string DeliveryNote)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.Allocate;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        var buyerTaxId = order.Buyer is BusinessBuyer business ? business.CreditCode.Value : null;
        var events = new List<DomainEvent>();
        events.Add(new StockAllocated(Target, At, order.Warehouse, DeliveryNote));
        events.Add(new InvoiceRequested(Target, At, order.Buyer.Name, buyerTaxId, order.Goods, order.Freight, order.InvoiceBatchDate ?? policy.InvoiceBatchDate(At)));
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.StopThenStart(order.Slas, policy, Target, At, events, timers, "SLA-3", "SLA-4");
        return Accept(order, order.Allocating(DeliveryNote, slas), version, events, timers);
    }

    // ORD-1: an order is allocated with its delivery note made.
    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(DeliveryNote)
            ? new InputProblem("A delivery note number is required to allocate stock.", RuleIds.Ord1)
            : limits.Code(DeliveryNote, "delivery note number");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("note", DeliveryNote);
}
