using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Fired by a permission request's durable timer at its due instant (MER-4): a request still pending is marked overdue
/// and <see cref="PermissionDecisionOverdue"/> raised, once. A request decided meanwhile changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer).</param>
/// <param name="Actor">The system.</param>
/// <param name="At">When the timer came due.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Request">The request's number.</param>
public sealed record RecordPermissionDecisionOverdue(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string Request)
    : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer4;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits) => Number(Request, "permission request's number", RuleIds.Mer4);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (merchant.FindRequest(Request) is not { } request)
        {
            return CommandOutcome.Refuse(RefusalCode.NotFound, $"Merchant {Merchant} has no permission request {Request}.", RuleIds.Mer4);
        }

        if (request.State != PermissionRequestState.Pending || request.Overdue || At < request.DueAt)
        {
            return CommandOutcome.Accept($"permission request {Request} not overdue ({request.State})", [], []);
        }

        return Accept(merchant, version, merchant.WithRequest(request with { Overdue = true }), [new PermissionDecisionOverdue(Target, At, Request)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("request", Request);
}
