using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// Records that a return case's SLA timer came due (SLA-8): the after-sales answer (SLA-6) or the same-day confirmation
/// and stock-in of the returned goods (SLA-7). Issued by the timer scheduler. It fires no workflow trigger: a breach
/// timer raises <see cref="SlaBreached"/> when the SLA is still running past its breach at
/// <see cref="EcomCommand.At"/>; a warning timer raises <see cref="SlaWarningRaised"/> when it is still running past
/// that threshold and not yet breached; otherwise it is accepted with no event. It changes no workflow state. A warning
/// timer schedules the next one of its SLA (SLA-8); when that falls in a year without holiday data, the aggregate
/// records the provisional mark (DSP-1), its only change.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer and its due instant).</param>
/// <param name="Actor">Who records it (the system).</param>
/// <param name="At">When the timer came due.</param>
/// <param name="CaseId">The return case.</param>
/// <param name="TimerKind"><c>sla-breach</c> or <c>sla-warning</c>.</param>
/// <param name="TimerName">The timer's name: the SLA ID (such as <c>SLA-6</c>) for a breach, <c>{sla}/warning-{n}</c> for a warning.</param>
internal sealed record RecordReturnDeadlinePassed(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, string TimerKind, string TimerName)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => CaseId.Key;

    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<ReturnCase>(Target) is not { } returnCase)
        {
            return CommandOutcome.NotFound(Target);
        }

        return string.Equals(TimerKind, SlaSchedule.BreachTimerKind, StringComparison.Ordinal) || string.Equals(TimerKind, SlaSchedule.WarningTimerKind, StringComparison.Ordinal)
            ? SlaSchedule.DeadlinePassed(returnCase.Sla, Target, $"Return case {CaseId}", TimerKind, TimerName, At, input.Policy) // SLA-6, SLA-7, SLA-8
            : CommandOutcome.Refuse(RefusalCode.InvalidInput, $"'{TimerKind}' is not a return case deadline timer kind.");
    }

    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("case", CaseId.ToString()).Add("kind", TimerKind).Add("name", TimerName);
}
