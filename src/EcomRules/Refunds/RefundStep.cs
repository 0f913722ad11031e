namespace EcomRules.Refunds;

/// <summary>A step of the refund path that a named person signs (REF-2, REF-3, INV-3).</summary>
public enum RefundStep
{
    /// <summary>Approval by the tier's role: the sales department head below the threshold, headquarters from it.</summary>
    Approval = 0,

    /// <summary>Division finance's review.</summary>
    FinanceReview = 1,

    /// <summary>Invoice recovered, credit note requested or credit note recorded (INV-3).</summary>
    InvoiceSettlement = 2,

    /// <summary>Payment by headquarters finance.</summary>
    Payment = 3,

    /// <summary>Rejection.</summary>
    Rejection = 4,
}
