using EcomRules.Engine;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>How an order's deadlines are computed again when the working calendar changes (SLA-8, DSP-1).</summary>
internal static class OrderDeadlines
{
    /// <summary>The due instant of one of the order's durable deadlines on <paramref name="policy"/>'s calendar; null when it no longer applies.</summary>
    public static Instant? Recompute(Order order, ProvisionalDeadline deadline, EcomPolicy policy) => deadline.Kind switch
    {
        // ORD-3: from the payment instant, while the order has not shipped.
        PayOrder.DispatchDeadlineTimerKind => AwaitsDispatch(order) ? policy.DispatchDeadline.DueFrom(order.PaidAt!.Value, policy.Calendar) : null,
        OrderSlas.BreachTimerKind => OrderSlas.BreachDue(order.Slas, deadline.Name, policy),

        // Counted in elapsed time (auto-completion after the return window): the calendar does not move it.
        _ => deadline.DueAt,
    };

    /// <summary>The order with its payment's dates (dispatch date, dispatch deadline, invoice batch) computed again from
    /// the payment instant on <paramref name="policy"/>'s calendar, while it awaits dispatch (the dispatch deadline is
    /// still pending); itself when none changes.</summary>
    public static Order RecomputePaymentDates(Order order, EcomPolicy policy)
    {
        if (!AwaitsDispatch(order))
        {
            return order;
        }

        var paidAt = order.PaidAt!.Value;
        var dispatchDate = policy.Cutoffs.NextDispatchDate(order.Warehouse, paidAt); // DSP-2, DSP-3
        var deadline = policy.DispatchDeadline.DueFrom(paidAt, policy.Calendar); // ORD-3
        var invoiceBatch = policy.InvoiceBatchDate(paidAt); // INV-2
        return dispatchDate == order.DispatchDate && deadline == order.DispatchDeadline && invoiceBatch == order.InvoiceBatchDate
            ? order
            : order.Repaying(dispatchDate, deadline, invoiceBatch);
    }

    private static bool AwaitsDispatch(Order order)
        => order.PaidAt is not null && order.State is OrderState.Paid or OrderState.Confirmed or OrderState.Allocated or OrderState.Invoiced;
}
