namespace EcomRules.Stock;

/// <summary>Units of one SKU (a line of a stock reservation or a delivery document).</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">How many units, above zero.</param>
public sealed record StockLine(string Sku, int Quantity);
