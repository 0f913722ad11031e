using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// A signature on a procurement request (WH-5): the signer must hold the step's role, must not have requested it or
/// signed it before, and the request must be waiting for the step. A refusal names WH-5 and changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request.</param>
public abstract record ProcurementStep(CommandId CommandId, Actor Actor, Instant At, ProcurementRequestId Request) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Request.Key;

    /// <summary>Gets the role that signs the step.</summary>
    internal abstract ActorRole Role { get; }

    /// <summary>Gets the state the request waits in for the step.</summary>
    internal abstract ProcurementState From { get; }

    /// <summary>Gets the state after the step.</summary>
    internal abstract ProcurementState Next(ProcurementRequest request);

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not ProcurementRequest request)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (string.Equals(request.RequestedBy, Actor.Id, StringComparison.Ordinal) || request.Signatures.Any(s => string.Equals(s.ActorId, Actor.Id, StringComparison.Ordinal)))
        {
            return CommandOutcome.Refuse(RuleIds.Wh5, $"{Actor.Id} requested procurement {Request} or signed it already; nobody signs their own request, and each signature is another person's.");
        }

        if (Actor.Role != Role)
        {
            return CommandOutcome.Refuse(RuleIds.Wh5, $"The {Action} step of procurement {Request} is signed by the role '{Role}'; {Actor.Id} acts as '{Actor.Role}'.");
        }

        if (request.State != From)
        {
            return CommandOutcome.Refuse(RuleIds.Wh5, $"Procurement {Request} of {request.Amount} is {request.State}, not waiting for {Action}"
                + (request.NeedsChairman || From != ProcurementState.AwaitingSignOff ? "." : $": at or below {ProcurementRequest.ChairmanThreshold} operations' approval is enough."));
        }

        var signature = new ProcurementSignature(Actor.Id, Actor.Role, At);
        var next = request.Signing(Next(request), signature);
        return CommandOutcome.Accept($"{request.State} → {next.State}", [new AggregateWrite(Target, stored.Version, next)],
            [new ProcurementSigned(Target, At, Actor.Id, Actor.Role, next.State)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer) => writer.Add("request", Request.Number);

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => Request.Number.Length == 0 ? new InputProblem("A procurement step names its request.", RuleIds.Wh5) : null;
}
