using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// A command on the stock of one SKU in one warehouse (WH-2, WH-3, WH-4, WH-6). The warehouse must be one the
/// policy's routing ships from (WH-1) and the SKU within the policy's input limits; a refusal names the rule and
/// changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
public abstract record StockCommand(CommandId CommandId, Actor Actor, Instant At, StockItemId Item) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Item.Key;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (Item.Sku.Length == 0)
        {
            return new InputProblem("A stock command names a warehouse and a SKU.", RuleIds.Wh3);
        }

        return limits.Code(Item.Sku, "SKU") ?? CheckFields(limits);
    }

    /// <summary>Checks the command's own fields.</summary>
    internal abstract InputProblem? CheckFields(InputLimits limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (UnknownWarehouse(Item, input.Policy) is { } unknown)
        {
            return unknown;
        }

        var stored = input.Find(Target);
        return Decide(stored?.State as StockItem, stored?.Version ?? 0, input.Policy);
    }

    /// <summary>WH-1: stock is kept only in the warehouses orders are routed to; any other is refused as invalid input.</summary>
    internal static CommandOutcome? UnknownWarehouse(StockItemId item, EcomPolicy policy)
        => policy.Routing.Routes.Values.Contains(item.Warehouse)
            ? null
            : CommandOutcome.Refuse(RefusalCode.InvalidInput,
                $"Warehouse '{item.Warehouse}' is not one the policy's routing ships from ({string.Join(", ", policy.Routing.Routes.Values.Distinct())}).", RuleIds.Wh1);

    /// <summary>Decides the command on the item (null when it has no stock record yet), pure.</summary>
    internal abstract CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy);

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("warehouse", Item.Warehouse.Value).Add("sku", Item.Sku);
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal abstract void WriteFields(PayloadWriter writer);

    /// <summary>Refuses a quantity that is not above zero (WH-3: movements are of whole units).</summary>
    internal static InputProblem? Positive(int quantity, string what, RuleId rule)
        => quantity > 0 ? null : new InputProblem(string.Create(CultureInfo.InvariantCulture, $"The {what} must be above zero; it is {quantity}."), rule);

    /// <summary>Refuses a negative low-stock threshold (WH-4).</summary>
    internal static InputProblem? CheckThreshold(int? lastWeekSales)
        => lastWeekSales is < 0
            ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"Last week's sales cannot be negative; they are {lastWeekSales}."), RuleIds.Wh4)
            : null;

    /// <summary>Accepts one movement, then checks the low-stock threshold (WH-4).</summary>
    internal CommandOutcome Accept(StockItem item, long version, StockMovementKind kind, int onHandChange, int reservedChange, string reference,
        int? lastWeekSales, DomainEvent? first = null, Func<StockItem, StockItem>? also = null)
    {
        if ((long)item.OnHand + onHandChange > int.MaxValue)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, string.Create(CultureInfo.InvariantCulture,
                $"{Item} has {item.OnHand} on hand; {onHandChange} more would pass the {int.MaxValue} units an item can hold."), RuleIds.Wh3);
        }

        var events = new List<DomainEvent>(3);
        if (first is not null)
        {
            events.Add(first);
        }

        var next = item;
        if (onHandChange != 0 || reservedChange != 0 || kind == StockMovementKind.StocktakeAdjustment)
        {
            (next, var moved) = item.Moving(kind, onHandChange, reservedChange, reference, At);
            events.Add(moved);
        }

        if (also is not null)
        {
            next = also(next);
        }

        (next, var alert) = next.CheckingLowStock(lastWeekSales, At);
        if (alert is not null)
        {
            events.Add(alert);
            events.Add(LowStock.Notice(alert, Item));
        }

        return CommandOutcome.Accept(
            string.Create(CultureInfo.InvariantCulture, $"{kind}: on hand {item.OnHand} → {next.OnHand}, reserved {item.Reserved} → {next.Reserved}"),
            [new AggregateWrite(Target, version, next)], events);
    }
}
