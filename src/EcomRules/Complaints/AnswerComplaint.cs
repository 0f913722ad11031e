using EcomRules.Commands;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Customer service answers a complaint (AFS-1): SLA-6 stops and the answer goes to the customer by SMS. Refused naming
/// AFS-1 with a blank answer, by anyone but customer service, or once the complaint was escalated (the department head
/// decides it: <see cref="DecideComplaint"/>) or answered.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Customer service.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Answer">The answer sent to the customer.</param>
/// <param name="UpheldAgainstMerchant">Whether the answer upholds the complaint against the order's merchant (MER-3: counted
/// against its record when the complaint closes on this finding). The default is false.</param>
public sealed record AnswerComplaint(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Answer, bool UpheldAgainstMerchant = false)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    internal override bool UpheldFinding => UpheldAgainstMerchant;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Answer;

    internal override string? Text => Answer;

    internal override RuleId? RefuseRole(ActorRole role) => IsService(role) ? null : RuleIds.Afs1;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var events = new List<DomainEvent>();
        return AnswerWith(complaint, version, input.Policy, Answer, byHead: false, events);
    }
}
