using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Ships reserved units (WH-3: stock is updated at every shipment): on hand and reserved both fall. Refused naming
/// WH-3 when more are shipped than are reserved. When <see cref="LastWeekSales"/> is given and on hand falls below it,
/// <see cref="Events.LowStockAlerted"/> is raised once per crossing (WH-4).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who ships.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Reference">What the units ship for (an order number or a delivery note).</param>
/// <param name="LastWeekSales">Last week's sales of the item, the low-stock threshold (WH-4); null keeps the last one given.</param>
public sealed record ConsumeStock(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, int Quantity, string Reference, int? LastWeekSales = null)
    : StockQuantityCommand(CommandId, Actor, At, Item, Quantity, Reference)
{
    /// <inheritdoc />
    internal override StockMovementKind Kind => StockMovementKind.Consumption;

    /// <inheritdoc />
    internal override int? Threshold => LastWeekSales;
}
