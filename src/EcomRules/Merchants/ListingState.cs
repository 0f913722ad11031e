namespace EcomRules.Merchants;

/// <summary>Where a listing stands (MER-2): nothing is displayed before its review.</summary>
public enum ListingState
{
    /// <summary>Submitted; not displayed until reviewed.</summary>
    PendingReview,

    /// <summary>Reviewed as legal, truthful and complete: displayed.</summary>
    Displayed,

    /// <summary>The review found it illegal, untruthful or incomplete; not displayed.</summary>
    Rejected,

    /// <summary>Taken down (a false listing, or its merchant removed), with the reason; final.</summary>
    TakenDown,
}
