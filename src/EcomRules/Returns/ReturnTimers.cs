using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Ports;

namespace EcomRules.Returns;

/// <summary>The return module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class ReturnTimers
{
    /// <summary>Adds every timer kind the return commands schedule: SLA-6 and SLA-7 warnings and breaches (SLA-8).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(ReturnCaseId.Kind, SlaSchedule.BreachTimerKind, Deadline)
        .Add(ReturnCaseId.Kind, SlaSchedule.WarningTimerKind, Deadline);

    private static EcomCommand Deadline(DueTimer timer, CommandId id)
        => new RecordReturnDeadlinePassed(id, Actor.System, timer.DueAt, ReturnCaseId.FromKey(timer.Target), timer.Kind, SlaSchedule.TimerName(timer));
}
