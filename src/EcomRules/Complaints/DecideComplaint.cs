using EcomRules.Commands;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// The department head decides an escalated complaint (AFS-1): the decision is its answer, SLA-6 stops, and the
/// decision goes back to the customer by SMS. Refused naming AFS-1 with a blank decision, by anyone but the
/// department head (<see cref="ActorRole.ServiceDepartmentHead"/>), or when the complaint was not escalated.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The department head.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Decision">The head's decision, sent to the customer.</param>
/// <param name="UpheldAgainstMerchant">Whether the decision upholds the complaint against the order's merchant (MER-3:
/// counted against its record when the complaint closes on this finding). The default is false.</param>
public sealed record DecideComplaint(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, string Decision, bool UpheldAgainstMerchant = false)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    internal override bool UpheldFinding => UpheldAgainstMerchant;

    /// <inheritdoc />
    public override string? Reason => Decision;

    internal override ComplaintTrigger Trigger => ComplaintTrigger.Decide;

    internal override string? Text => Decision;

    internal override RuleId? RefuseRole(ActorRole role) => role == ActorRole.ServiceDepartmentHead ? null : RuleIds.Afs1;

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var events = new List<DomainEvent>();
        return AnswerWith(complaint, version, input.Policy, Decision, byHead: true, events);
    }
}
