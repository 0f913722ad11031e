using System.Globalization;
using EcomRules.Engine;
using EcomRules.Policies;
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
    : StockCommand(CommandId, Actor, At, Item)
{
    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Positive(Quantity, "quantity released", RuleIds.Wh3) ?? References.Check(Reference, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy)
    {
        if (item is null)
        {
            return CommandOutcome.NotFound(Target);
        }

        return Quantity > item.Reserved
            ? CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture, $"Cannot release {Quantity} of {Item}: only {item.Reserved} are reserved."))
            : Accept(item, version, StockMovementKind.Release, 0, -Quantity, Reference, null);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("qty", Quantity).Add("ref", Reference);
}
