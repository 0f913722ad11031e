using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Operations approves a procurement request (WH-4). At or below <see cref="ProcurementRequest.ChairmanThreshold"/>
/// the request is then approved; above it, it waits for the chairman's sign-off (WH-5).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who approves: operations, not the requester.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request.</param>
public sealed record ApproveProcurement(CommandId CommandId, Actor Actor, Instant At, ProcurementRequestId Request) : ProcurementStep(CommandId, Actor, At, Request)
{
    /// <inheritdoc />
    internal override ActorRole Role => ActorRole.Operations;

    /// <inheritdoc />
    internal override ProcurementState From => ProcurementState.Requested;

    /// <inheritdoc />
    internal override ProcurementState Next(ProcurementRequest request)
        => request.NeedsChairman ? ProcurementState.AwaitingSignOff : ProcurementState.Approved; // WH-5
}
