using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Ports;

namespace EcomRules.Complaints;

/// <summary>The complaints module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class ComplaintTimers
{
    /// <summary>Adds every timer kind the complaints module schedules: SLA-6 of complaints and ORD-5 of follow-up visits, warnings and breaches (SLA-8).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(ComplaintId.Kind, SlaSchedule.BreachTimerKind, Complaint)
        .Add(ComplaintId.Kind, SlaSchedule.WarningTimerKind, Complaint)
        .Add(FollowUpVisitId.Kind, SlaSchedule.BreachTimerKind, Visit)
        .Add(FollowUpVisitId.Kind, SlaSchedule.WarningTimerKind, Visit);

    private static EcomCommand Complaint(DueTimer timer, CommandId id)
        => new RecordComplaintDeadlinePassed(id, Actor.System, timer.DueAt, new ComplaintId(timer.Target.Id), timer.Kind, SlaSchedule.TimerName(timer));

    private static EcomCommand Visit(DueTimer timer, CommandId id)
        => new RecordFollowUpVisitDeadlinePassed(id, Actor.System, timer.DueAt, new FollowUpVisitId(new OrderId(timer.Target.Id)), timer.Kind, SlaSchedule.TimerName(timer));
}
