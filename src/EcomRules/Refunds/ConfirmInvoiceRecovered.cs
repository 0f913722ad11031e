using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Finance confirms the original invoice came back with the goods (INV-3), which clears the refund for payment.
/// Needs the finance reviewer's role; the requester may not confirm (REF-3).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Finance staff.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public sealed record ConfirmInvoiceRecovered(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.ConfirmInvoiceRecovered;

    internal override RefundStep Step => RefundStep.InvoiceSettlement;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => policy.FinanceReviewer;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.RecoveringInvoice(signature);
}
