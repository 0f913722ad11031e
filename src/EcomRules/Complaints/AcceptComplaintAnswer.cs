using EcomRules.Commands;
using EcomRules.Complaints.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// The customer accepts the answer: the complaint is closed (AFS-1). Refused naming AFS-1 before it is answered (a
/// complaint never closes unanswered), naming AFS-2 while it is in mediation or arbitration.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The customer, or customer service recording their acceptance.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
public sealed record AcceptComplaintAnswer(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    internal override ComplaintTrigger Trigger => ComplaintTrigger.Accept;

    internal override string? Text => null;

    internal override RuleId? RefuseRole(ActorRole role) => role == ActorRole.Customer || IsService(role) ? null : RuleIds.Afs1;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var closed = complaint.Closing(ComplaintResolution.AnswerAccepted, At);
        return Accept(complaint, version, closed, [.. Closed(closed)]);
    }
}
