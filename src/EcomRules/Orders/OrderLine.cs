namespace EcomRules.Orders;

/// <summary>One line of an order: an item, how many, and the unit price.</summary>
/// <param name="Sku">The item's stock-keeping unit.</param>
/// <param name="Quantity">How many; at least 1 (checked when the order is placed).</param>
/// <param name="UnitPrice">The price of one.</param>
public sealed record OrderLine(string Sku, int Quantity, Money UnitPrice)
{
    /// <summary>Gets the line total (quantity × unit price).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is negative.</exception>
    public Money Total => UnitPrice.Times(Quantity);
}
