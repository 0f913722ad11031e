namespace EcomRules.Policies;

/// <summary>
/// The built-in policy profiles: the two columns of the catalogue's profile table, where the source documents
/// disagree.
/// </summary>
public enum PolicyProfile
{
    /// <summary>Retail platform (documents 000, 004): 17:00 cut-off (DSP-3), dispatch within 3 days of payment
    /// (ORD-3), returns 7 days no reason / 15 days exchange / 7 days quality (RET-2).</summary>
    RetailPlatform = 1,

    /// <summary>Parts distributor (document 001): 15:00 cut-off (DSP-2), dispatch by the next working day after the
    /// cut-off, returns 5 days for any reason (RET-2).</summary>
    PartsDistributor = 2,
}
