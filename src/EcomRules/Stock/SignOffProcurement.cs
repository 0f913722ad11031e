using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// The chairman signs off a procurement request above <see cref="ProcurementRequest.ChairmanThreshold"/> that
/// operations approved (WH-5): it is then approved. Refused before operations' approval, at or below the threshold,
/// by another role, or by the requester.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who signs off: the chairman, not the requester.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request.</param>
public sealed record SignOffProcurement(CommandId CommandId, Actor Actor, Instant At, ProcurementRequestId Request) : ProcurementStep(CommandId, Actor, At, Request)
{
    /// <inheritdoc />
    internal override ActorRole Role => ActorRole.Chairman;

    /// <inheritdoc />
    internal override ProcurementState From => ProcurementState.AwaitingSignOff;

    /// <inheritdoc />
    internal override ProcurementState Next(ProcurementRequest request) => ProcurementState.Approved;
}
