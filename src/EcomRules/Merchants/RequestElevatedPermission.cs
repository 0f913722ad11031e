using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// An admitted merchant requests elevated permissions (MER-4): the platform decides within
/// <see cref="Merchant.PermissionDecisionWorkingDays"/> working days, by the end of the fifth working day after the
/// request's date. A durable timer records the breach when no decision came (<see cref="RecordPermissionDecisionOverdue"/>).
/// A suspended merchant cannot ask (MER-3).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who asks for the merchant.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Request">The request's number, unique per merchant: 1-64 characters, no white space or '/'.</param>
/// <param name="Permission">The permission asked for, such as <c>cross-border</c>.</param>
/// <param name="RequestReason">Why the merchant asks.</param>
public sealed record RequestElevatedPermission(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string Request, string Permission,
    string RequestReason) : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => RequestReason;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer4;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Number(Request, "permission request's number", RuleIds.Mer4)
            ?? (string.IsNullOrWhiteSpace(Permission) ? new InputProblem("A permission request names the permission.", RuleIds.Mer4) : limits.Code(Permission, "permission"))
            ?? Required(RequestReason, "permission request's reason", RuleIds.Mer4, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (merchant.State != MerchantState.Admitted)
        {
            return CommandOutcome.Refuse(merchant.State == MerchantState.Suspended ? RuleIds.Mer3 : RuleIds.Mer1,
                $"Merchant {Merchant} is {merchant.State}; only an admitted merchant requests permissions.");
        }

        if (merchant.FindRequest(Request) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Merchant {Merchant} already has permission request {Request}.", RuleIds.Mer4);
        }

        var dueAt = DueAt(policy, At);
        var next = merchant.WithRequest(new PermissionRequest(Request, Permission, RequestReason, Actor.Id, At, dueAt));
        return Accept(merchant, version, next, [new PermissionRequested(Target, At, Request, Permission, dueAt)], [PermissionTimer(Request, dueAt)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("request", Request).Add("permission", Permission).Add("reason", RequestReason);

    /// <summary>MER-4: the end of the fifth working day after the request's date.</summary>
    internal static Instant DueAt(EcomPolicy policy, Instant at)
        => policy.Calendar.EndOfWorkingDay(policy.Calendar.AddWorkingDays(policy.Calendar.DateOf(at), Merchants.Merchant.PermissionDecisionWorkingDays));
}
