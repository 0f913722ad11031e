namespace EcomRules.Merchants;

/// <summary>What counts against a merchant's credit rating (MER-3).</summary>
public enum ViolationKind
{
    /// <summary>A customer complaint upheld against the merchant.</summary>
    ComplaintUpheld,

    /// <summary>An order dispatched after its deadline.</summary>
    LateDispatch,

    /// <summary>A breach of the platform's rules (a false listing, a refused refund, …).</summary>
    Breach,
}
