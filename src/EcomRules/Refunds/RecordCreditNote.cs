using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Records the red-letter credit note once the issuer has issued it (INV-3, asynchronous completion of
/// <see cref="RequestCreditNote"/>); the refund is then cleared for payment. Issued by the system (the outbox
/// dispatcher) or by finance staff.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The system or finance staff.</param>
/// <param name="At">When the note was issued.</param>
/// <param name="RefundId">The refund.</param>
/// <param name="CreditNoteNumber">The credit note's number.</param>
public sealed record RecordCreditNote(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId, string CreditNoteNumber) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.RecordCreditNote;

    internal override RefundStep Step => RefundStep.InvoiceSettlement;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => policy.FinanceReviewer;

    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(CreditNoteNumber)
            ? new InputProblem("A credit note needs its number.", RuleIds.Inv3)
            : limits.Code(CreditNoteNumber, "credit note number");

    internal override bool HoldsStepRole(ActorRole role) => Actor.Role == role || Actor.Role == ActorRole.System;

    /// <summary>
    /// REF-3 binds people: the system records what the issuer did, which approves nothing, so it may record the credit
    /// note of a refund it requested (a cancellation after a payment timeout). Finance staff are held to the rule.
    /// </summary>
    internal override bool IsIndependent(Refund refund) => Actor.Role == ActorRole.System || base.IsIndependent(refund);

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Crediting(signature, CreditNoteNumber);

    internal override void WriteFields(PayloadWriter writer) => writer.Add("creditNote", CreditNoteNumber);
}
