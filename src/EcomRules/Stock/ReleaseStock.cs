using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>Gives reserved units back (a cancelled order). Refused naming WH-3 when more are released than are reserved.</summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who releases.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Reference">What the units were reserved for (an order number).</param>
public sealed record ReleaseStock(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, int Quantity, string Reference)
    : StockQuantityCommand(CommandId, Actor, At, Item, Quantity, Reference)
{
    /// <inheritdoc />
    internal override StockMovementKind Kind => StockMovementKind.Release;
}
