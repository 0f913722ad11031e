using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records that the follow-up visit (回访) was made (ORD-5): its SLA stops (met or breached) and its timers are
/// cancelled. Refused naming ORD-5 by anyone but customer service, without notes, or when the visit was already recorded.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Customer service.</param>
/// <param name="At">When the visit was made.</param>
/// <param name="VisitId">The visit.</param>
/// <param name="Notes">What the customer said.</param>
public sealed record RecordFollowUpVisit(CommandId CommandId, Actor Actor, Instant At, FollowUpVisitId VisitId, string Notes) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => VisitId.Key;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not FollowUpVisit visit)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (!ComplaintCommand.IsService(Actor.Role))
        {
            return CommandOutcome.Refuse(RuleIds.Ord5, $"The follow-up visit is made by customer service, not by {Actor.Role}.");
        }

        if (visit.IsDone)
        {
            return CommandOutcome.Refuse(RuleIds.Ord5, $"The follow-up visit of order {VisitId.Order} was already recorded.");
        }

        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(visit.Slas, input.Policy, Target, At, events, timers, FollowUpVisit.SlaId);
        var onTime = At <= visit.Sla.OriginalBreachAt(input.Policy.Calendar);
        events.Add(new FollowUpVisitDone(Target, At, Actor.Id, onTime));
        return CommandOutcome.Accept("Due → Done", [new AggregateWrite(Target, stored.Version, visit.Visiting(Actor.Id, At, Notes, slas[0]))],
            events, timers);
    }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(Notes) ? new InputProblem("A follow-up visit is recorded with its notes; they are blank.", RuleIds.Ord5) : limits.Reason(Notes, "notes");

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer) => writer.Add("order", VisitId.Order.Value).Add("notes", Notes);
}
