namespace EcomRules.Stock;

/// <summary>An item's class by sales velocity, to guide replenishment (WH-7).</summary>
public enum StockVelocityClass
{
    /// <summary>Sells at or below the policy's slow-mover threshold.</summary>
    Slow,

    /// <summary>Sells between the two thresholds.</summary>
    Regular,

    /// <summary>Sells at or above the policy's fast-mover threshold.</summary>
    Fast,
}
