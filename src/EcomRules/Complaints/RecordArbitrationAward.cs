using EcomRules.Commands;
using EcomRules.Complaints.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records the arbitration's award (AFS-2): the complaint is closed and the customer told. Refused naming AFS-2 without
/// an award, by anyone but customer service or its department head, or when the complaint is not in arbitration.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Customer service or the department head.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Award">The award.</param>
public sealed record RecordArbitrationAward(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Award)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    /// <inheritdoc />
    public override string? Reason => Award;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Award;

    internal override string? Text => Award;

    internal override RuleId? RefuseRole(ActorRole role) => IsService(role) ? null : RuleIds.Afs2;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
        => Accept(complaint, version, complaint.Awarding(Award, At),
            [
                new DisputeOutcomeRecorded(Target, At, ComplaintState.InArbitration, true, Award),
                new ComplaintClosed(Target, At, ComplaintResolution.Arbitrated),
                Notice(complaint, "complaint-arbitrated", $"Your complaint {ComplaintId} was decided by arbitration: {Award}"),
            ]);
}
