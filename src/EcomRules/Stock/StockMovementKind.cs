namespace EcomRules.Stock;

/// <summary>Why stock moved (WH-3): every change of on hand or reserved is one movement of one of these kinds.</summary>
public enum StockMovementKind
{
    /// <summary>Goods stocked in from a checked receipt (WH-2): on hand rises.</summary>
    Receipt,

    /// <summary>Units set aside for an order: reserved rises, on hand is unchanged.</summary>
    Reservation,

    /// <summary>A reservation given back (a cancelled order): reserved falls.</summary>
    Release,

    /// <summary>Reserved units shipped (WH-3: stock is updated at every shipment): on hand and reserved fall.</summary>
    Consumption,

    /// <summary>A closed stocktake's adjustment of on hand to the count (WH-3, WH-6).</summary>
    StocktakeAdjustment,

    /// <summary>Returned goods that passed inspection stocked in (RET-4, SLA-7): on hand rises.</summary>
    Return,
}
