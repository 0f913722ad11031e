using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Internal;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Opens the follow-up visit (回访) task of a completed order (ORD-5) with its due instant and durable warning and breach
/// timers. Usually issued by the outbox dispatcher when the order asks for it (<see cref="Orders.Events.FollowUpVisitRequested"/>,
/// <see cref="ComplaintOutbox"/>). Refused naming ORD-5 when the order is not completed.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The system, or customer service.</param>
/// <param name="At">When the order completed.</param>
/// <param name="VisitId">The visit (its order).</param>
public sealed record OpenFollowUpVisit(CommandId CommandId, Actor Actor, Instant At, FollowUpVisitId VisitId) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => VisitId.Key;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [VisitId.Order.Key];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"The follow-up visit of order {VisitId.Order} already exists.");
        }

        if (input.Get<Order>(VisitId.Order.Key) is not { } order)
        {
            return CommandOutcome.NotFound(VisitId.Order.Key);
        }

        if (order.State != OrderState.Completed)
        {
            return CommandOutcome.Refuse(RuleIds.Ord5, $"Order {order.Id} is {order.State}; the follow-up visit comes after completion.");
        }

        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Start([], FollowUpVisit.DueFor(input.Policy), input.Policy, Target, At, timers); // ORD-5 with warnings (SLA-8)
        var visit = new FollowUpVisit(VisitId, At, slas[0]);
        return CommandOutcome.Accept("(new) → Due", [new AggregateWrite(Target, 0, visit)],
            [new FollowUpVisitOpened(Target, At, visit.Sla.OriginalBreachAt(input.Policy.Calendar))], timers);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer) => writer.Add("order", VisitId.Order.Value);
}
