namespace EcomRules.Stock;

/// <summary>What a stocktake difference is (WH-6).</summary>
public enum StockDifferenceKind
{
    /// <summary>More units counted than booked: on hand rises.</summary>
    Surplus,

    /// <summary>Fewer units counted than booked: on hand falls.</summary>
    Shortage,

    /// <summary>Booked units found damaged and written off: on hand falls.</summary>
    Damage,
}
