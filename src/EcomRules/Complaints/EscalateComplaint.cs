using EcomRules.Commands;
using EcomRules.Complaints.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Customer service cannot answer: the complaint goes to the department head (AFS-1), whose decision answers it
/// (<see cref="DecideComplaint"/>). SLA-6 keeps running: the head answers within the same deadline. Refused naming
/// AFS-1 without a reason, by anyone but customer service, or once answered.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Customer service.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Why">Why service cannot answer it.</param>
public sealed record EscalateComplaint(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Why)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    /// <inheritdoc />
    public override string? Reason => Why;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Escalate;

    internal override string? Text => Why;

    internal override RuleId? RefuseRole(ActorRole role) => role == ActorRole.CustomerService ? null : RuleIds.Afs1;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
        => Accept(complaint, version, complaint.Escalating(Actor.Id, Why), [new ComplaintEscalated(Target, At, Actor.Id, Why)]);

    internal override Policies.InputProblem? CheckInput(Policies.InputLimits limits)
        => string.IsNullOrWhiteSpace(Why) ? new Policies.InputProblem("An escalation says why customer service cannot answer; it is blank.", RuleIds.Afs1) : base.CheckInput(limits);
}
