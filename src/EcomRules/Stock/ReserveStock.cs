using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Sets units aside for an order. Refused naming WH-3 when more are asked for than are available (on hand minus
/// reserved): stock never goes negative.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who reserves.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Reference">What the units are reserved for (an order number).</param>
public sealed record ReserveStock(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, int Quantity, string Reference)
    : StockQuantityCommand(CommandId, Actor, At, Item, Quantity, Reference)
{
    /// <inheritdoc />
    internal override StockMovementKind Kind => StockMovementKind.Reservation;
}
