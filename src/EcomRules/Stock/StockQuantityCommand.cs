using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// A movement of a number of units of an existing item for an order (<see cref="ReserveStock"/>,
/// <see cref="ReleaseStock"/>, <see cref="ConsumeStock"/>): the quantity must be above zero and at most what the item
/// allows, or the command is refused naming WH-3 and nothing changes.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who moves the stock.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Reference">What the units move for (an order number or a delivery note).</param>
public abstract record StockQuantityCommand(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, int Quantity, string Reference)
    : StockCommand(CommandId, Actor, At, Item)
{
    /// <summary>Gets the movement's kind.</summary>
    internal abstract StockMovementKind Kind { get; }

    /// <summary>Gets the low-stock threshold the command gives (WH-4), or null.</summary>
    internal virtual int? Threshold => null;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Positive(Quantity, "quantity", RuleIds.Wh3) ?? References.Check(Reference, limits) ?? CheckThreshold(Threshold);

    /// <inheritdoc />
    internal override CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy)
    {
        if (item is null)
        {
            return CommandOutcome.NotFound(Target);
        }

        var (onHand, reserved, most) = Kind switch
        {
            StockMovementKind.Reservation => (0, Quantity, item.Available),
            StockMovementKind.Release => (0, -Quantity, item.Reserved),
            _ => (-Quantity, -Quantity, item.Reserved), // only reserved units ship
        };
        return Quantity > most
            ? CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                $"Cannot {Verb} {Quantity} of {Item}: {item.Available} available, {item.Reserved} reserved, {item.OnHand} on hand."))
            : Accept(item, version, Kind, onHand, reserved, Reference, Threshold,
                also: Kind == StockMovementKind.Consumption ? i => i.Selling(Quantity, StockItem.WeekOf(At.InZone(policy.Zone).Date)) : null); // WH-4
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("qty", Quantity).Add("ref", Reference).Add("lastWeekSales", Threshold ?? -1);

    private string Verb => Kind switch
    {
        StockMovementKind.Reservation => "reserve",
        StockMovementKind.Release => "release",
        _ => "ship",
    };
}
