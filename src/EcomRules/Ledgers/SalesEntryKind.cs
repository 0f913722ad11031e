namespace EcomRules.Ledgers;

/// <summary>What a line of the daily sales ledger records (FIN-1).</summary>
public enum SalesEntryKind
{
    /// <summary>An order was paid: money in.</summary>
    Payment = 0,

    /// <summary>A refund was paid: money out (REF-1).</summary>
    Refund = 1,

    /// <summary>An order was cancelled (ORD-2); its money goes out later as a <see cref="Refund"/>, so the amount is not counted twice.</summary>
    Cancellation = 2,
}
