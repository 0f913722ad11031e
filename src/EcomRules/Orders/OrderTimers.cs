using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Ports;

namespace EcomRules.Orders;

/// <summary>The order module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class OrderTimers
{
    /// <summary>Adds every timer kind the order commands schedule.</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(OrderId.Kind, RecordTrackingEvent.AutoCompleteTimerKind,
            static (timer, id) => new CompleteOrder(id, Actor.System, timer.DueAt, new OrderId(timer.Target.Id))) // ORD-1, ORD-5
        .Add(OrderId.Kind, PayOrder.DispatchDeadlineTimerKind,
            static (timer, id) => new RecordDeadlinePassed(id, Actor.System, timer.DueAt, new OrderId(timer.Target.Id), timer.Kind, null)) // ORD-3
        .Add(OrderId.Kind, SlaSchedule.BreachTimerKind, Deadline) // SLA-1..5, SLA-8
        .Add(OrderId.Kind, SlaSchedule.WarningTimerKind, Deadline); // SLA-8

    private static EcomCommand Deadline(DueTimer timer, CommandId id)
        => new RecordDeadlinePassed(id, Actor.System, timer.DueAt, new OrderId(timer.Target.Id), timer.Kind, SlaSchedule.TimerName(timer));
}
