using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Policies;
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
/// <param name="UpheldAgainstMerchant">Whether the settlement upholds the complaint against the order's merchant (MER-3:
/// counted against its record). Only a settled mediation finds: with <paramref name="Settled"/> false it is refused as
/// invalid input naming AFS-2. The default is false.</param>
public sealed record RecordMediationOutcome(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, bool Settled, string Outcome,
    bool UpheldAgainstMerchant = false)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    internal override bool UpheldFinding => UpheldAgainstMerchant;

    /// <inheritdoc />
    public override string? Reason => Outcome;

    internal override ComplaintTrigger Trigger => Settled ? ComplaintTrigger.Settle : ComplaintTrigger.FailMediation;

    internal override string? Text => Outcome;

    internal override RuleId? RefuseRole(ActorRole role) => IsService(role) ? null : RuleIds.Afs2;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var recorded = new DisputeOutcomeRecorded(Target, At, ComplaintState.InMediation, Settled, Outcome);
        var settled = complaint.Settling(Outcome, UpheldAgainstMerchant, At);
        return Settled
            ? Accept(complaint, version, settled,
                [recorded, .. Closed(settled), Notice(complaint, "complaint-settled", $"Your complaint {ComplaintId} was settled in mediation: {Outcome}")])
            : Accept(complaint, version, complaint.FailingMediation(Outcome),
                [recorded, Notice(complaint, "complaint-arbitration", $"Your complaint {ComplaintId} was not settled in mediation and goes to arbitration.")]);
    }

    internal override InputProblem? CheckInput(InputLimits limits)
        => UpheldAgainstMerchant && !Settled
            ? new InputProblem("A mediation that did not settle finds nothing against the merchant; the arbitration award does.", RuleIds.Afs2)
            : base.CheckInput(limits);

    internal override void WritePayload(PayloadWriter writer)
    {
        base.WritePayload(writer);
        writer.Add("settled", Settled);
    }
}
