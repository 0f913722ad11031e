namespace EcomRules.Refunds;

/// <summary>The business actions on a refund.</summary>
public enum RefundTrigger
{
    /// <summary>The tier's approver approves (REF-2).</summary>
    Approve = 0,

    /// <summary>Division finance reviews (REF-2).</summary>
    Review = 1,

    /// <summary>Finance confirms the original invoice came back (INV-3).</summary>
    ConfirmInvoiceRecovered = 2,

    /// <summary>Finance asks for a red-letter credit note (INV-3).</summary>
    RequestCreditNote = 3,

    /// <summary>The issued credit note is recorded (INV-3).</summary>
    RecordCreditNote = 4,

    /// <summary>Headquarters finance pays (REF-2, REF-4).</summary>
    Pay = 5,

    /// <summary>An approver or reviewer rejects; the reservation is released (REF-1).</summary>
    Reject = 6,
}
