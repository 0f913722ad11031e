using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Records the payment of an order. Sets the dispatch date by the warehouse's cut-off (DSP-2, DSP-3), the dispatch
/// deadline (ORD-3) and the invoice batch (INV-2), and starts SLA-1..3. Refused when the amount is not the order
/// total, or when the order is already paid (ORD-1).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it (the payment system).</param>
/// <param name="At">When the payment was received.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">The amount paid: the order total.</param>
public sealed record PayOrder(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, Money Amount)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    /// <summary>The durable timer kind of the dispatch deadline (ORD-3).</summary>
    public const string DispatchDeadlineTimerKind = "dispatch-deadline";

    internal override OrderTrigger Trigger => OrderTrigger.Pay;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        if (Amount != order.Total)
        {
            return CommandOutcome.Refuse(RuleIds.Ord1, $"A payment of {Amount} does not match the order total of {order.Total}; an order is paid in full once.");
        }

        var dispatchDate = policy.Cutoffs.NextDispatchDate(order.Warehouse, At); // DSP-2, DSP-3
        var deadline = policy.DispatchDeadline.DueFrom(At, policy.Calendar); // ORD-3
        var invoiceBatch = policy.InvoiceBatchDate(At); // INV-2
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Start(order.Slas, policy, Target, At, timers, "SLA-1", "SLA-2", "SLA-3");
        timers.Add(new TimerRequest(Target, "dispatch", DispatchDeadlineTimerKind, deadline));
        var next = order.Paying(At, Amount, dispatchDate, deadline, invoiceBatch, slas);
        return Accept(order, next, version, [new OrderPaid(Target, At, Amount, dispatchDate, deadline, invoiceBatch)], timers);
    }

    internal override void WriteFields(PayloadWriter writer) => writer.Add("amount", Amount);
}
