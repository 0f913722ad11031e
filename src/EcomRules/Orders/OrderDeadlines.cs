using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>How an order's deadlines are computed again when the working calendar changes (SLA-8, DSP-1).</summary>
internal static class OrderDeadlines
{
    /// <summary>Whether the deadline of <paramref name="timer"/> depends on holiday data (DSP-1): the dispatch deadline
    /// when it counts working days or when the dispatch date or invoice batch it comes with falls in an uncovered year
    /// (the recomputation carries them); an SLA measured on the working calendar.</summary>
    public static bool IsProvisional(Order order, TimerRequest timer, EcomPolicy policy) => timer.Kind switch
    {
        PayOrder.DispatchDeadlineTimerKind => (policy.DispatchDeadline.Count == Calendars.DispatchDayCount.WorkingDays && timer.DueAt is { } due && policy.Calendar.IsProvisional(due))
            || (order.DispatchDate is { } dispatch && policy.Calendar.IsProvisional(dispatch))
            || (order.InvoiceBatchDate is { } batch && policy.Calendar.IsProvisional(batch)),
        _ => SlaSchedule.IsProvisional(order.Slas, order.Id.Key, timer, policy),
    };

    /// <summary>The due instant of one of the order's durable deadlines on <paramref name="policy"/>'s calendar; null when it no longer applies.</summary>
    public static Instant? Recompute(Order order, ProvisionalDeadline deadline, EcomPolicy policy, Instant at) => deadline.Kind switch
    {
        // ORD-3: from the payment instant, while the order has not shipped.
        PayOrder.DispatchDeadlineTimerKind => AwaitsDispatch(order) ? policy.DispatchDeadline.DueFrom(order.PaidAt!.Value, policy.Calendar) : null,
        SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind => SlaSchedule.RecomputeDue(order.Slas, order.Id.Key, deadline.Kind, deadline.TimerId, policy, at),

        // Counted in elapsed time (auto-completion after the return window): the calendar does not move it.
        _ => deadline.DueAt,
    };

    /// <summary>The order with its payment's dates (dispatch date, dispatch deadline, invoice batch) computed again from
    /// the payment instant on <paramref name="policy"/>'s calendar, while it awaits dispatch (the dispatch deadline is
    /// still pending); the invoice batch only until the invoice is requested (allocation, INV-2). Itself when none changes.</summary>
    public static Order RecomputePaymentDates(Order order, EcomPolicy policy)
    {
        if (!AwaitsDispatch(order))
        {
            return order;
        }

        var paidAt = order.PaidAt!.Value;
        var dispatchDate = policy.Cutoffs.NextDispatchDate(order.Warehouse, paidAt); // DSP-2, DSP-3
        var deadline = policy.DispatchDeadline.DueFrom(paidAt, policy.Calendar); // ORD-3
        var invoiceBatch = order.State is OrderState.Paid or OrderState.Confirmed ? policy.InvoiceBatchDate(paidAt) : order.InvoiceBatchDate!.Value; // INV-2
        return dispatchDate == order.DispatchDate && deadline == order.DispatchDeadline && invoiceBatch == order.InvoiceBatchDate
            ? order
            : order.Repaying(dispatchDate, deadline, invoiceBatch);
    }

    private static bool AwaitsDispatch(Order order)
        => order.PaidAt is not null && order.State is OrderState.Paid or OrderState.Confirmed or OrderState.Allocated or OrderState.Invoiced;
}
