using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Records that one of an order's durable timers came due: an SLA breach or warning timer (<c>sla-breach</c>,
/// <c>sla-warning</c>, SLA-8) or the dispatch deadline (<c>dispatch-deadline</c>, ORD-3). Issued by the timer
/// scheduler. It fires no workflow trigger: it raises <see cref="SlaBreached"/> when the SLA is still running past its
/// breach at <see cref="EcomCommand.At"/>, <see cref="SlaWarningRaised"/> when it is still running past that warning's
/// threshold and not yet breached, or <see cref="DispatchDeadlineMissed"/> when the order is paid but neither shipped
/// nor cancelled by then; otherwise (the SLA stopped in time, the parcel left) it is accepted with no event. It changes
/// no workflow state. A warning timer schedules the next one of its SLA (SLA-8); when that falls in a year without
/// holiday data, the aggregate records the provisional mark (DSP-1), its only change.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer and its due instant).</param>
/// <param name="Actor">Who records it (the system).</param>
/// <param name="At">When the timer came due.</param>
/// <param name="OrderId">The order.</param>
/// <param name="TimerKind"><c>sla-breach</c>, <c>sla-warning</c> or <c>dispatch-deadline</c>.</param>
/// <param name="Detail">The timer's name: for <c>sla-breach</c> the SLA ID (such as <c>SLA-1</c>), for <c>sla-warning</c>
/// <c>{sla}/warning-{n}</c> (such as <c>SLA-1/warning-1</c>); otherwise ignored.</param>
internal sealed record RecordDeadlinePassed(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, string TimerKind, string? Detail)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => OrderId.Key;

    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<Order>(Target) is not { } order)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (string.Equals(TimerKind, SlaSchedule.BreachTimerKind, StringComparison.Ordinal) || string.Equals(TimerKind, SlaSchedule.WarningTimerKind, StringComparison.Ordinal))
        {
            return SlaSchedule.DeadlinePassed(order.Sla, Target, $"Order {OrderId}", TimerKind, Detail, At, input.Policy); // SLA-8
        }

        if (string.Equals(TimerKind, PayOrder.DispatchDeadlineTimerKind, StringComparison.Ordinal))
        {
            // ORD-3: paid, neither shipped nor cancelled, and the deadline has passed.
            return order.DispatchDeadline is { } deadline && At >= deadline && order.ShippedAt is null && order.CancelledAt is null
                ? CommandOutcome.Accept("Dispatch deadline missed", [], [new DispatchDeadlineMissed(Target, At, deadline)])
                : CommandOutcome.Accept("Dispatch deadline not missed", [], []);
        }

        return CommandOutcome.Refuse(RefusalCode.InvalidInput, $"'{TimerKind}' is not an order deadline timer kind.");
    }

    internal override InputProblem? CheckInput(InputLimits limits)
        => limits.Code(TimerKind, "timer kind") ?? limits.Code(Detail, "timer detail");

    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("order", OrderId.Value).Add("kind", TimerKind).Add("detail", Detail);
}
