namespace EcomRules.Merchants;

/// <summary>
/// The steps of the violation ladder (MER-3), in order: each sanction is the step after the last one, never a skip.
/// </summary>
public enum SanctionStep
{
    /// <summary>No sanction yet.</summary>
    None = 0,

    /// <summary>A warning.</summary>
    Warning = 1,

    /// <summary>Credit points deducted (<see cref="Merchant.PointsPerDeduction"/>).</summary>
    PointsDeduction = 2,

    /// <summary>The merchant is suspended.</summary>
    Suspension = 3,

    /// <summary>The merchant is removed from the platform.</summary>
    Removal = 4,
}
