using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Refunds;

/// <summary>
/// Who may issue the refund commands (SEC-2), registered in <see cref="Engine.EcomEngine.Permissions"/>. Service and sales
/// staff request refunds. Every step after the request may be issued by the roles of the approval chain the policy
/// names (<see cref="EcomPolicy.Refunds"/>: both approval tiers, the finance reviewer, the payer): which of them signs
/// which step, by tier, and never the requester, is decided by REF-2, REF-3 and INV-3, the more specific rules, so a
/// department head approving a headquarters-tier refund is refused by REF-2, not SEC-2. A role outside the chain has no
/// right to the refund steps at all (SEC-2). The system records credit notes the invoicing service issued (INV-3).
/// </summary>
internal static class RefundPermissions
{
    /// <summary>Adds the refund commands' defaults, from the policy's approval chain.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy)
    {
        var tiers = policy.Refunds;
        ActorRole[] chain = [tiers.DepartmentApprover, tiers.HeadquartersApprover, tiers.FinanceReviewer, tiers.Payer];
        return table
            .Allow<RequestRefund>(ActorRole.CustomerService, ActorRole.Sales, tiers.DepartmentApprover, ActorRole.System)
            .Allow<ApproveRefund>(chain)
            .Allow<RejectRefund>(chain)
            .Allow<ReviewRefund>(chain)
            .Allow<ConfirmInvoiceRecovered>(chain)
            .Allow<RequestCreditNote>(chain)
            .Allow<RecordCreditNote>([.. chain, ActorRole.System])
            .Allow<PayRefund>(chain);
    }
}
