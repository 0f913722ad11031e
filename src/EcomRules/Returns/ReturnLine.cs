namespace EcomRules.Returns;

/// <summary>One item of a return: which SKU and how many units (partial returns, RET-1).</summary>
/// <param name="Sku">The order line's stock-keeping unit.</param>
/// <param name="Quantity">How many units; above zero and at most the units ordered and not yet returned.</param>
public sealed record ReturnLine(string Sku, int Quantity);
