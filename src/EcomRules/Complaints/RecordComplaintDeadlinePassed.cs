using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records that a complaint's SLA-6 timer came due (SLA-8). Issued by the timer scheduler. It fires no workflow
/// trigger: a breach timer raises <see cref="SlaBreached"/> when the complaint is still unanswered past its deadline; a
/// warning timer raises <see cref="SlaWarningRaised"/> when it is still unanswered past that threshold; otherwise it is
/// accepted with no event. It changes no workflow state. A warning timer schedules the next one of its SLA (SLA-8);
/// when that falls in a year without holiday data, the aggregate records the provisional mark (DSP-1), its only change.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer and its due instant).</param>
/// <param name="Actor">Who records it (the system).</param>
/// <param name="At">When the timer came due.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="TimerKind"><c>sla-breach</c> or <c>sla-warning</c>.</param>
/// <param name="TimerName">The timer's name: <c>SLA-6</c> for the breach, <c>SLA-6/warning-{n}</c> for a warning.</param>
public sealed record RecordComplaintDeadlinePassed(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string TimerKind, string TimerName)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => ComplaintId.Key;

    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<Complaint>(Target) is not { } complaint)
        {
            return CommandOutcome.NotFound(Target);
        }

        return TimerKind is SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind
            ? SlaSchedule.DeadlinePassed(complaint.Sla, Target, $"Complaint {ComplaintId}", TimerKind, TimerName, At, input.Policy) // SLA-6, SLA-8
            : CommandOutcome.Refuse(RefusalCode.InvalidInput, $"'{TimerKind}' is not a complaint deadline timer kind.", RuleIds.Sla8);
    }

    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("complaint", ComplaintId.Number).Add("kind", TimerKind).Add("name", TimerName);
}
