using EcomRules.Commands;
using EcomRules.Complaints.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records the outcome of mediation (AFS-2): settled, the complaint is closed and the customer told; not settled, it
/// goes to arbitration. Refused naming AFS-2 without an outcome, by anyone but customer service or its department
/// head, or when the complaint is not in mediation.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Customer service or the department head.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Settled">Whether mediation settled the dispute.</param>
/// <param name="Outcome">The outcome.</param>
public sealed record RecordMediationOutcome(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, bool Settled, string Outcome)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    /// <inheritdoc />
    public override string? Reason => Outcome;

    internal override ComplaintTrigger Trigger => Settled ? ComplaintTrigger.Settle : ComplaintTrigger.FailMediation;

    internal override string? Text => Outcome;

    internal override RuleId? RefuseRole(ActorRole role) => IsService(role) ? null : RuleIds.Afs2;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var recorded = new DisputeOutcomeRecorded(Target, At, ComplaintState.InMediation, Settled, Outcome);
        return Settled
            ? Accept(complaint, version, complaint.Settling(Outcome, At),
                [recorded, new ComplaintClosed(Target, At, ComplaintResolution.SettledInMediation), Notice(complaint, "complaint-settled", $"Your complaint {ComplaintId} was settled in mediation: {Outcome}")])
            : Accept(complaint, version, complaint.FailingMediation(Outcome),
                [recorded, Notice(complaint, "complaint-arbitration", $"Your complaint {ComplaintId} was not settled in mediation and goes to arbitration.")]);
    }

    internal override void WritePayload(PayloadWriter writer)
    {
        base.WritePayload(writer);
        writer.Add("settled", Settled);
    }
}
