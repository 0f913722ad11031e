namespace EcomRules.Merchants;

/// <summary>Where a merchant stands on the platform (MER-1, MER-3).</summary>
public enum MerchantState
{
    /// <summary>Applied; the qualification review (business licence, tax registration) is pending.</summary>
    UnderReview,

    /// <summary>The qualification review refused admission.</summary>
    Rejected,

    /// <summary>Admitted: may list goods and trade; re-reviewed periodically (MER-1).</summary>
    Admitted,

    /// <summary>Suspended: its periodic re-review lapsed or failed (MER-1), or the ladder reached suspension (MER-3).</summary>
    Suspended,

    /// <summary>Removed from the platform (MER-3), the last step of the ladder; final.</summary>
    Removed,
}
