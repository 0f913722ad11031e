namespace EcomRules.Refunds;

/// <summary>Where a refund is on its approval path (REF-2, INV-3).</summary>
public enum RefundState
{
    /// <summary>Requested; the amount is reserved on the order and waits for the tier's approver (REF-2).</summary>
    Requested = 0,

    /// <summary>Approved by the tier's approver; waits for division finance's review (REF-2).</summary>
    Approved = 1,

    /// <summary>Reviewed by finance; waits for the invoice to be recovered or credited (INV-3).</summary>
    Reviewed = 2,

    /// <summary>A red-letter credit note was requested and is being issued (INV-3, asynchronous).</summary>
    CreditNotePending = 3,

    /// <summary>The invoice is recovered or credited; waits for headquarters finance to pay (INV-3, REF-2).</summary>
    InvoiceSettled = 4,

    /// <summary>Paid out; the reservation became a refunded amount on the order (REF-4).</summary>
    Paid = 5,

    /// <summary>Rejected; the reservation was released (REF-1).</summary>
    Rejected = 6,
}
