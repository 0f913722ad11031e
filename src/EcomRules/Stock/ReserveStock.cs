using System.Globalization;
using EcomRules.Engine;
using EcomRules.Policies;
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
    : StockCommand(CommandId, Actor, At, Item)
{
    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Positive(Quantity, "quantity reserved", RuleIds.Wh3) ?? References.Check(Reference, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy)
    {
        if (item is null)
        {
            return CommandOutcome.NotFound(Target);
        }

        return Quantity > item.Available
            ? CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                $"Cannot reserve {Quantity} of {Item}: {item.Available} available ({item.OnHand} on hand, {item.Reserved} reserved)."))
            : Accept(item, version, StockMovementKind.Reservation, 0, Quantity, Reference, null);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("qty", Quantity).Add("ref", Reference);
}
