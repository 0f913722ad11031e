using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds.Events;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Finance asks for a red-letter credit note instead of recovering the invoice (INV-3). Issuing may take days: the
/// command emits <see cref="CreditNoteRequested"/> for the outbox, and <see cref="RecordCreditNote"/> records the
/// issued note later. Needs the finance reviewer's role; the requester may not ask (REF-3).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Finance staff.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public sealed record RequestCreditNote(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.RequestCreditNote;

    internal override RefundStep Step => RefundStep.InvoiceSettlement;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => policy.FinanceReviewer;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Signing(RefundState.CreditNotePending, signature);

    internal override IReadOnlyList<DomainEvent> Events(Refund refund, RefundSignature signature, Order? order = null)
        =>
        [
            .. base.Events(refund, signature, order),
            new CreditNoteRequested(Target, At, Target.ToString() + "/credit-note", refund.InvoiceNumber ?? string.Empty, refund.Amount),
        ];
}
