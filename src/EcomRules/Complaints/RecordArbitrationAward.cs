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
/// <param name="UpheldAgainstMerchant">Whether the award upholds the complaint against the order's merchant (MER-3: counted
/// against its record). The default is false.</param>
public sealed record RecordArbitrationAward(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Award, bool UpheldAgainstMerchant = false)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    internal override bool UpheldFinding => UpheldAgainstMerchant;

    /// <inheritdoc />
    public override string? Reason => Award;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Award;

    internal override string? Text => Award;

    internal override RuleId? RefuseRole(ActorRole role) => IsService(role) ? null : RuleIds.Afs2;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var awarded = complaint.Awarding(Award, UpheldAgainstMerchant, At);
        return Accept(complaint, version, awarded,
            [
                new DisputeOutcomeRecorded(Target, At, ComplaintState.InArbitration, true, Award),
                .. Closed(awarded),
                Notice(complaint, "complaint-arbitrated", $"Your complaint {ComplaintId} was decided by arbitration: {Award}"),
            ]);
    }
}
