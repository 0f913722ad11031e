using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// The repair of a case's goods is done: the repaired goods ship back to the customer (RET-5), booked with a carrier
/// through the outbox like a replacement, and SLA-4 (handed to the carrier) starts. Refused unless the case is in repair.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Warehouse or service staff.</param>
/// <param name="At">When the repair was done.</param>
/// <param name="CaseId">The case.</param>
public sealed record CompleteRepair(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId) : ReturnCommand(CommandId, Actor, At, CaseId)
{
    internal override ReturnTrigger Trigger => ReturnTrigger.FinishRepair;

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Start(step.Case.Slas, step.Policy, Target, At, timers, "SLA-4");
        return RequestReplacement(step, step.Case.RequestingReplacement(slas), events, timers);
    }

    internal override void WriteFields(PayloadWriter writer)
    {
    }
}
