using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Policies;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// Records the outcome of the three-way negotiation after a failed inspection (RET-4): accepted, the goods are
/// received as if they had passed (SLA-7 starts); refused, the case ends, is archived, and the order's open returns
/// and returned units are released. Refused naming RET-3 without a reason.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Service staff recording the agreement.</param>
/// <param name="At">When.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Accepted">Whether the goods are accepted after all.</param>
/// <param name="Outcome">The agreed outcome (required).</param>
public sealed record ResolveNegotiation(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, bool Accepted, string Outcome)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    /// <inheritdoc />
    public override string? Reason => Outcome;

    internal override ReturnTrigger Trigger => Accepted ? ReturnTrigger.ResolveAccept : ReturnTrigger.ResolveReject;

    internal override ReturnFacts Facts => new(!string.IsNullOrWhiteSpace(Outcome), false, false);

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var resolved = new NegotiationResolved(Target, At, Accepted, Outcome);
        if (Accepted)
        {
            return ReceiveGoods(step with { Case = step.Case.Resolving(Outcome) }, null, resolved);
        }

        var closed = step.Case.RefusingAfterNegotiation(Outcome);
        var events = new Pending<DomainEvent>();
        events.Add(resolved);
        Archive(ref events, closed, $"Your return {CaseId} is closed after negotiation: {Outcome}");
        return Accept(step, closed, events.ToReadOnlyList(), null, step.Order.ClosingReturn(closed.Claimed(), rejected: true));
    }

    internal override InputProblem? CheckInput(InputLimits limits) => limits.Reason(Outcome, "agreed outcome");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("accepted", Accepted).Add("outcome", Outcome);
}
