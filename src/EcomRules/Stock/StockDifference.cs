namespace EcomRules.Stock;

/// <summary>
/// One explained difference of a stocktake (WH-6): every surplus, shortage or damage carries a reason and the person
/// responsible.
/// </summary>
/// <param name="Kind">Surplus, shortage or damage.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="ResponsiblePerson">Who is responsible (a staff number; required).</param>
public sealed record StockDifference(StockDifferenceKind Kind, int Quantity, string Reason, string ResponsiblePerson)
{
    /// <summary>Gets the change of on hand this difference explains: plus for a surplus, minus for a shortage or damage.</summary>
    public int OnHandChange => Kind == StockDifferenceKind.Surplus ? Quantity : -Quantity;
}
