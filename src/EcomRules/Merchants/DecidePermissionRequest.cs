using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The platform grants or denies a merchant's pending permission request (MER-4), with the reason; the decision timer
/// is cancelled. A decision at or after the due instant is still recorded, marked late.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who decides: operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Request">The request's number.</param>
/// <param name="Granted">Whether the permission is granted.</param>
/// <param name="DecisionReason">Why (recorded in the audit trail).</param>
public sealed record DecidePermissionRequest(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string Request, bool Granted, string DecisionReason)
    : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => DecisionReason;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer4;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Number(Request, "permission request's number", RuleIds.Mer4) ?? Required(DecisionReason, "decision's reason", RuleIds.Mer4, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (ByPlatform(Actor, RuleIds.Mer4, "A permission request") is { } refused)
        {
            return refused;
        }

        if (merchant.FindRequest(Request) is not { } request)
        {
            return CommandOutcome.Refuse(RefusalCode.NotFound, $"Merchant {Merchant} has no permission request {Request}.", RuleIds.Mer4);
        }

        if (request.State != PermissionRequestState.Pending)
        {
            return CommandOutcome.Refuse(RuleIds.Mer4, $"Permission request {Request} of merchant {Merchant} was already {request.State}.");
        }

        var late = At >= request.DueAt; // as the overdue timer counts it at that instant
        var decided = request with
        {
            State = Granted ? PermissionRequestState.Granted : PermissionRequestState.Denied,
            DecidedBy = Actor.Id,
            DecidedAt = At,
            DecisionReason = DecisionReason,
            Overdue = request.Overdue || late,
        };
        return Accept(merchant, version, merchant.WithRequest(decided), [new PermissionDecided(Target, At, Request, Granted, late)], [PermissionTimer(Request, null)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("request", Request).Add("granted", Granted).Add("reason", DecisionReason);
}
