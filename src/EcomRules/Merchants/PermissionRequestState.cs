namespace EcomRules.Merchants;

/// <summary>Where a merchant's request for elevated permissions stands (MER-4).</summary>
public enum PermissionRequestState
{
    /// <summary>Waiting for the platform's decision, due within five working days.</summary>
    Pending,

    /// <summary>Granted.</summary>
    Granted,

    /// <summary>Denied.</summary>
    Denied,
}
