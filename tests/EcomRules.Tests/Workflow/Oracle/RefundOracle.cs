using EcomRules.Refunds;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// The refund approval path configured in Stateless by hand from RULES.md (REF-1, REF-2, REF-3, INV-3) and the README's
/// refund diagram — not generated from <see cref="RefundWorkflow"/>.
/// </summary>
internal static class RefundOracle
{
    public static StatelessOracle<RefundState, RefundTrigger, RefundFacts> Create()
    {
        var oracle = new StatelessOracle<RefundState, RefundTrigger, RefundFacts>(RefusalRule);

        // REF-3: every signature is by a named person holding the step's role, never the requester nor an earlier signer.
        var independent = oracle.Guard(f => f.HoldsStepRole && f.IsIndependent);

        var machine = oracle.Machine;

        // REF-2: the tier's approver approves, division finance reviews; either may reject before the review is done.
        machine.Configure(RefundState.Requested)
            .PermitIf(RefundTrigger.Approve, RefundState.Approved, independent, "REF-3")
            .PermitIf(RefundTrigger.Reject, RefundState.Rejected, independent, "REF-3");
        machine.Configure(RefundState.Approved)
            .PermitIf(RefundTrigger.Review, RefundState.Reviewed, independent, "REF-3")
            .PermitIf(RefundTrigger.Reject, RefundState.Rejected, independent, "REF-3");

        // INV-3: finance confirms the invoice recovered, or has a red-letter credit note issued (asynchronously; asking
        // twice changes nothing), before the refund is paid.
        machine.Configure(RefundState.Reviewed)
            .PermitIf(RefundTrigger.ConfirmInvoiceRecovered, RefundState.InvoiceSettled, independent, "REF-3")
            .PermitIf(RefundTrigger.RequestCreditNote, RefundState.CreditNotePending, independent, "REF-3");
        machine.Configure(RefundState.CreditNotePending)
            .PermitIf(RefundTrigger.RecordCreditNote, RefundState.InvoiceSettled, independent, "REF-3")
            .Ignore(RefundTrigger.RequestCreditNote);

        // REF-2: headquarters finance pays.
        machine.Configure(RefundState.InvoiceSettled)
            .PermitIf(RefundTrigger.Pay, RefundState.Paid, independent, "REF-3");
        machine.Configure(RefundState.Paid);
        machine.Configure(RefundState.Rejected);
        return oracle;
    }

    /// <summary>The rule a refused refund trigger cites: a failed guard's own rule, else the catalogue's reason.</summary>
    private static string RefusalRule(RefundState state, RefundTrigger trigger, string? failedGuard) => (state, trigger) switch
    {
        _ when failedGuard is not null => failedGuard,
        (RefundState.Reviewed or RefundState.CreditNotePending, RefundTrigger.Pay) => "INV-3", // invoice not settled yet
        (RefundState.Reviewed, RefundTrigger.RecordCreditNote) => "INV-3", // a credit note nobody requested
        (RefundState.Paid, RefundTrigger.Pay) => "REF-1", // paying twice would exceed what was paid
        _ => "REF-2",
    };
}
