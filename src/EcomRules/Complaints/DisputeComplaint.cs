using EcomRules.Commands;
using EcomRules.Complaints.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// The customer disputes the answer: service did not settle it, so it goes to mediation (AFS-2). Refused naming AFS-1
/// before it is answered, or without a reason.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The customer, or customer service recording the dispute.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Why">Why the customer disputes the answer.</param>
public sealed record DisputeComplaint(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Why)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    /// <inheritdoc />
    public override string? Reason => Why;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Dispute;

    internal override string? Text => Why;

    internal override RuleId? RefuseRole(ActorRole role) => role == ActorRole.Customer || IsService(role) ? null : RuleIds.Afs2;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
        => Accept(complaint, version, complaint.Disputing(Why), [new ComplaintDisputed(Target, At, Why)]);

    internal override Policies.InputProblem? CheckInput(Policies.InputLimits limits)
        => string.IsNullOrWhiteSpace(Why) ? new Policies.InputProblem("A dispute says why the answer is not accepted; it is blank.", RuleIds.Afs2) : base.CheckInput(limits);
}
