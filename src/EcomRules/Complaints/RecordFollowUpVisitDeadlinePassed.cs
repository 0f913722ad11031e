using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records that a follow-up visit's timer came due (ORD-5, SLA-8). Issued by the timer scheduler: a breach timer raises
/// <see cref="SlaBreached"/> when the visit is still not made past its deadline, a warning timer
/// <see cref="SlaWarningRaised"/> past that threshold; otherwise it is accepted with no event. It changes no workflow
/// state. A warning timer schedules the next one of its SLA (SLA-8); when that falls in a year without holiday data,
/// the aggregate records the provisional mark (DSP-1), its only change.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The system.</param>
/// <param name="At">When the timer came due.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="TimerKind"><c>sla-breach</c> or <c>sla-warning</c>.</param>
/// <param name="TimerName">The timer's name: <c>ORD-5</c> for the breach, <c>ORD-5/warning-{n}</c> for a warning.</param>
public sealed record RecordFollowUpVisitDeadlinePassed(CommandId CommandId, Actor Actor, Instant At, FollowUpVisitId VisitId, string TimerKind, string TimerName)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => VisitId.Key;

    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<FollowUpVisit>(Target) is not { } visit)
        {
            return CommandOutcome.NotFound(Target);
        }

        return TimerKind is SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind
            ? SlaSchedule.DeadlinePassed(visit.FindSla, Target, $"Follow-up visit of order {VisitId.Order}", TimerKind, TimerName, At, input.Policy) // ORD-5, SLA-8
            : CommandOutcome.Refuse(RefusalCode.InvalidInput, $"'{TimerKind}' is not a follow-up visit timer kind.", RuleIds.Sla8);
    }

    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("order", VisitId.Order.Value).Add("kind", TimerKind).Add("name", TimerName);
}
