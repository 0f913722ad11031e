using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// Service staff check the request against the return standard and accept or reject it, with the reason recorded
/// (RET-3). Stops SLA-6. A rejection ends the case: it is archived and the order's open returns and returned units
/// are released in the same change set. Refused naming RET-3 without a reason.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Service staff.</param>
/// <param name="At">When.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Accepted">Whether the request is accepted.</param>
/// <param name="DecisionReason">Why (required).</param>
public sealed record DecideReturn(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, bool Accepted, string DecisionReason)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    /// <inheritdoc />
    public override string? Reason => DecisionReason;

    internal override ReturnTrigger Trigger => Accepted ? ReturnTrigger.Accept : ReturnTrigger.Reject;

    internal override ReturnFacts Facts => new(!string.IsNullOrWhiteSpace(DecisionReason), false, false);

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(step.Case.Slas, step.Policy, Target, At, events, timers, "SLA-6"); // SLA-6 answered
        var after = step.Case.Deciding(Accepted, Actor.Id, DecisionReason, slas);
        events.Add(new ReturnDecided(Target, At, Accepted, DecisionReason));
        if (Accepted)
        {
            events.Add(Notice(after, "return-accepted",
                $"Your request {CaseId} is accepted. Please send the goods and the invoice back to warehouse {after.Warehouse}.")); // RET-4, RET-7
            return Accept(step, after, events, timers);
        }

        Archive(events, after, $"Your request {CaseId} was not accepted: {DecisionReason}");
        return Accept(step, after, events, timers, step.Order.ClosingReturn(after.Claimed(), rejected: true));
    }

    internal override InputProblem? CheckInput(InputLimits limits) => limits.Reason(DecisionReason, "decision reason");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("accepted", Accepted).Add("reason", DecisionReason);
}
