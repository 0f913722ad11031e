using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Internal;
using EcomRules.Returns;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Closes a complaint about a return case once the case has ended (archived): the case's resolution settles it. A
/// complaint still unanswered takes the case's outcome as its answer (SLA-6 stops; a complaint never closes unanswered)
/// and the customer is told by SMS. Usually issued by the outbox dispatcher when the case is archived
/// (<see cref="ComplaintOutbox"/>). Refused naming AFS-1 when the complaint is not about that case or the case has not
/// ended; naming AFS-2 while the complaint is in mediation or arbitration. Ignored once the complaint is closed.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The system, or customer service.</param>
/// <param name="At">When.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="ReturnCase">The return case it is about.</param>
public sealed record CloseComplaintWithReturnCase(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, ReturnCaseId ReturnCase)
    : ComplaintCommand(CommandId, Actor, At, ComplaintId)
{
    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [ReturnCase.Key];

    internal override ComplaintTrigger Trigger => ComplaintTrigger.ResolveByReturnCase;

    internal override string? Text => null;

    internal override RuleId? RefuseRole(ActorRole role) => role == ActorRole.System || IsService(role) ? null : RuleIds.Afs1;

    internal override ComplaintFacts FactsFor(Complaint complaint, DecisionInput input)
        => new(false, input.Get<ReturnCase>(ReturnCase.Key) is { State: ReturnState.Archived });

    internal override CommandOutcome? Check(Complaint complaint, DecisionInput input)
    {
        if (complaint.ReturnCase != ReturnCase)
        {
            return CommandOutcome.Refuse(RuleIds.Afs1, $"Complaint {ComplaintId} is not about return case {ReturnCase}; only its own case's resolution closes it.");
        }

        return input.Find(ReturnCase.Key) is null ? CommandOutcome.NotFound(ReturnCase.Key) : null;
    }

    internal override CommandOutcome Apply(Complaint complaint, long version, DecisionInput input)
    {
        var returnCase = input.Get<ReturnCase>(ReturnCase.Key)!;
        var events = new List<DomainEvent>();
        if (complaint.Answer is null)
        {
            // The case's outcome answers the complaint: SLA-6 stops here (AFS-1). It is no finding against the merchant (MER-3).
            return AnswerWith(complaint, version, input.Policy, $"your return case {ReturnCase} ended ({returnCase.Outcome}).", byHead: false, events,
                ComplaintResolution.ReturnCaseResolved);
        }

        // MER-3: counted against the merchant only when the answer already given upheld it.
        var closed = complaint.Closing(ComplaintResolution.ReturnCaseResolved, At);
        events.AddRange(Closed(closed));
        events.Add(Notice(complaint, "complaint-closed", $"Your complaint {ComplaintId} is closed: your return case {ReturnCase} ended ({returnCase.Outcome})."));
        return Accept(complaint, version, closed, events);
    }

    internal override void WritePayload(PayloadWriter writer)
    {
        base.WritePayload(writer);
        writer.Add("case", ReturnCase.ToString());
    }
}
