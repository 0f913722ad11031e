using EcomRules.Workflow;

namespace EcomRules.Refunds;

/// <summary>
/// The refund path of REF-2 and INV-3 as one immutable transition table: requested → approved (by the tier's role)
/// → reviewed (division finance) → invoice settled (recovered, or a red-letter credit note issued, possibly
/// asynchronously) → paid (headquarters finance). Every signed step passes <see cref="SeparationOfDuties"/> (REF-3);
/// a refund can be rejected before finance has reviewed it.
/// </summary>
public static class RefundWorkflow
{
    /// <summary>REF-3: the signer holds the step's role and did not request the refund nor sign an earlier approval step.</summary>
    public static WorkflowGuard<RefundFacts> SeparationOfDuties { get; } = new(
        "SeparationOfDuties", RuleIds.Ref3,
        "approvers are named people with the step's role; nobody approves a refund they requested or signs two approval steps.",
        static (in RefundFacts f) => f.HoldsStepRole && f.IsIndependent);

    /// <summary>Gets the refund workflow.</summary>
    public static WorkflowDefinition<RefundState, RefundTrigger, RefundFacts> Definition { get; } =
        new WorkflowBuilder<RefundState, RefundTrigger, RefundFacts>("refund")
            .StartAt(RefundState.Requested)
            .OnUnhandledTrigger(RuleIds.Ref2, "a refund is paid only after approval by its tier, finance review and the invoice recovered or credited.")
            .Configure(RefundState.Requested)
                .PermitIf(RefundTrigger.Approve, RefundState.Approved, SeparationOfDuties)
                .PermitIf(RefundTrigger.Reject, RefundState.Rejected, SeparationOfDuties)
            .Configure(RefundState.Approved)
                .PermitIf(RefundTrigger.Review, RefundState.Reviewed, SeparationOfDuties)
                .PermitIf(RefundTrigger.Reject, RefundState.Rejected, SeparationOfDuties)
            .Configure(RefundState.Reviewed)
                .PermitIf(RefundTrigger.ConfirmInvoiceRecovered, RefundState.InvoiceSettled, SeparationOfDuties)
                .PermitIf(RefundTrigger.RequestCreditNote, RefundState.CreditNotePending, SeparationOfDuties)
                .Refuse(RefundTrigger.Pay, RuleIds.Inv3, "finance has not confirmed the invoice recovered nor a red-letter credit note issued.")
                .Refuse(RefundTrigger.RecordCreditNote, RuleIds.Inv3, "no red-letter credit note was requested for this refund; request one, or confirm the invoice recovered.")
            .Configure(RefundState.CreditNotePending)
                .PermitIf(RefundTrigger.RecordCreditNote, RefundState.InvoiceSettled, SeparationOfDuties)
                .Ignore(RefundTrigger.RequestCreditNote)
                .Refuse(RefundTrigger.Pay, RuleIds.Inv3, "the red-letter credit note is not issued yet.")
            .Configure(RefundState.InvoiceSettled)
                .PermitIf(RefundTrigger.Pay, RefundState.Paid, SeparationOfDuties)
            .Configure(RefundState.Paid)
                .Refuse(RefundTrigger.Pay, RuleIds.Ref1, "the refund is already paid; a refund is paid once.")
            .Configure(RefundState.Rejected)
                .Refuse(RefundTrigger.Pay, RuleIds.Ref2, "the refund was rejected.")
            .Build();
}
