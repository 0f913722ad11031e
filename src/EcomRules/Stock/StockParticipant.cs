using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using EcomRules.Stock.Events;

namespace EcomRules.Stock;

/// <summary>
/// The Stock module's part in the order and return flow when the policy tracks stock (<see cref="EcomPolicy.StockTracking"/>),
/// in the same change set as the order's or the case's own write:
/// <list type="bullet">
/// <item><see cref="StockAllocated"/>: every line of the order is reserved at the order's warehouse (WH-1), all SKUs or
/// none; a SKU with too few units available (or no stock record there) refuses the allocation naming WH-3, and a
/// <see cref="StockReservation"/> records what was reserved. Two allocations of the last unit: the item's version
/// lets exactly one save; the other is decided again and refused.</item>
/// <item><see cref="OrderShipped"/>: the reservation is consumed (WH-3: stock is updated at every shipment).</item>
/// <item><see cref="OrderCancelled"/> before shipment: the reservation is released.</item>
/// <item><see cref="ReturnRestocked"/> of a return (not an exchange, whose replacement nets the returned unit out,
/// nor a repair, whose goods stay the customer's): the goods are stocked in the same day (RET-4, SLA-7).</item>
/// </list>
/// After its movements each item is checked against last week's sales (WH-4) and alerts operations once per crossing.
/// </summary>
internal sealed class StockParticipant : DecisionParticipant
{
    public static readonly StockParticipant Instance = new();

    private StockParticipant()
    {
    }

    public override IReadOnlyList<AggregateKey> Reads(EcomCommand command, in CommandOutcome outcome, EcomPolicy policy)
    {
        if (!policy.StockTracking)
        {
            return [];
        }

        List<AggregateKey>? keys = null;
        foreach (var e in outcome.Events)
        {
            switch (e)
            {
                case StockAllocated or OrderShipped or OrderCancelled when OrderOf(outcome, e.Source) is { } order:
                    (keys ??= []).Add(new StockReservationId(order.Id).Key);
                    AddItems(keys, order.Warehouse, order.Lines.Select(l => l.Sku));
                    break;
                case ReturnRestocked restocked when IsStockedIn(outcome):
                    AddItems(keys ??= [], restocked.Warehouse, restocked.Lines.Select(l => l.Sku));
                    break;
            }
        }

        return keys ?? (IReadOnlyList<AggregateKey>)[];
    }

    public override CommandOutcome Join(EcomCommand command, in CommandOutcome outcome, DecisionInput input)
    {
        var join = new Joining(command, input);
        foreach (var e in outcome.Events)
        {
            var refusal = e switch
            {
                StockAllocated when OrderOf(outcome, e.Source) is { } order => join.Reserve(order),
                OrderShipped when OrderOf(outcome, e.Source) is { } order => join.Close(order, StockMovementKind.Consumption),
                OrderCancelled when OrderOf(outcome, e.Source) is { } order => join.Close(order, StockMovementKind.Release),
                ReturnRestocked restocked when IsStockedIn(outcome) => join.Restock(restocked),
                _ => null,
            };
            if (refusal is { } refused)
            {
                return refused;
            }
        }

        var writes = join.Finish();
        return writes.Count == 0 ? outcome : outcome.WithWritesAndEvents([.. outcome.Writes, .. writes], [.. outcome.Events, .. join.Events]);
    }

    /// <summary>The order the outcome writes under <paramref name="key"/>.</summary>
    private static Order? OrderOf(in CommandOutcome outcome, AggregateKey key)
    {
        foreach (var write in outcome.Writes)
        {
            if (write.Key == key && write.State is Order order)
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>A restock of a return (no replacement or repair in the same outcome) puts goods back in stock.</summary>
    private static bool IsStockedIn(in CommandOutcome outcome)
    {
        foreach (var e in outcome.Events)
        {
            if (e is ReplacementShipmentRequested or RepairRequested)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddItems(List<AggregateKey> keys, WarehouseId warehouse, IEnumerable<string> skus)
    {
        foreach (var sku in skus)
        {
            if (ItemId(warehouse, sku) is { } id && !keys.Contains(id.Key))
            {
                keys.Add(id.Key);
            }
        }
    }

    /// <summary>The stock item of <paramref name="sku"/>, or null when the SKU cannot name one (white space or '/').</summary>
    internal static StockItemId? ItemId(WarehouseId warehouse, string sku)
        => !string.IsNullOrWhiteSpace(sku) && sku.Length <= InputLimits.Ceiling && !sku.Any(c => char.IsWhiteSpace(c) || c == '/') ? new StockItemId(warehouse, sku) : null;

    /// <summary>Lines grouped by SKU, in first-seen order (an order may list a SKU twice).</summary>
    internal static ImmutableArray<StockLine> Grouped(IEnumerable<(string Sku, int Quantity)> lines)
    {
        var grouped = new List<StockLine>();
        foreach (var (sku, quantity) in lines)
        {
            var i = grouped.FindIndex(l => string.Equals(l.Sku, sku, StringComparison.Ordinal));
            if (i < 0)
            {
                grouped.Add(new StockLine(sku, quantity));
            }
            else
            {
                grouped[i] = grouped[i] with { Quantity = checked(grouped[i].Quantity + quantity) };
            }
        }

        return [.. grouped];
    }

    /// <summary>The movements of one join: each item's working state, then one write per item and per reservation.</summary>
    private sealed class Joining(EcomCommand command, DecisionInput input)
    {
        private readonly Dictionary<AggregateKey, (StockItem Item, long Version)> _items = [];
        private readonly List<AggregateKey> _moved = []; // in order of the first move, so the writes are deterministic
        private readonly NodaTime.LocalDate _week = StockItem.WeekOf(command.At.InZone(input.Policy.Zone).Date);

        public List<AggregateWrite> Writes { get; } = [];

        public List<DomainEvent> Events { get; } = [];

        public CommandOutcome? Reserve(Order order)
        {
            var reservation = new StockReservationId(order.Id);
            if (input.Find(reservation.Key) is not null)
            {
                return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Stock for order {order.Id} is already reserved; it is not reserved twice.");
            }

            var lines = Grouped(order.Lines.Select(l => (l.Sku, l.Quantity)));
            foreach (var line in lines)
            {
                // WH-3: all or none; the first SKU short of stock refuses the whole allocation before anything moves.
                if (ItemId(order.Warehouse, line.Sku) is not { } id || Item(id) is not { } item)
                {
                    return CommandOutcome.Refuse(RuleIds.Wh3, $"Order {order.Id} cannot be allocated: {order.Warehouse} keeps no stock of '{line.Sku}'.");
                }

                if (item.Available < line.Quantity)
                {
                    return CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                        $"Order {order.Id} cannot be allocated: {line.Quantity} of {id} needed, {item.Available} available ({item.OnHand} on hand, {item.Reserved} reserved); nothing was reserved."));
                }
            }

            foreach (var line in lines)
            {
                Move(new StockItemId(order.Warehouse, line.Sku), StockMovementKind.Reservation, 0, line.Quantity, order.Id.Value);
            }

            Writes.Add(new AggregateWrite(reservation.Key, 0, StockReservation.Open(order.Id, order.Warehouse, lines, command.At)));
            return null;
        }

        public CommandOutcome? Close(Order order, StockMovementKind kind)
        {
            var key = new StockReservationId(order.Id).Key;
            if (input.Find(key) is not { State: StockReservation { ClosedBy: null } open } stored)
            {
                return null; // nothing reserved (allocated before stock was tracked, or not allocated yet), or already closed
            }

            foreach (var line in open.Lines)
            {
                var id = new StockItemId(open.Warehouse, line.Sku);
                var reserved = Item(id)?.Reserved ?? 0;
                if (reserved < line.Quantity)
                {
                    return CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                        $"{line.Quantity} of {id} were reserved for order {order.Id}, but the item has {reserved} reserved."));
                }

                Move(id, kind, kind == StockMovementKind.Consumption ? -line.Quantity : 0, -line.Quantity, order.Id.Value);
            }

            Writes.Add(new AggregateWrite(key, stored.Version, open.Closing(kind)));
            return null;
        }

        public CommandOutcome? Restock(ReturnRestocked restocked)
        {
            if (StockCommand.UnknownWarehouse(new StockItemId(restocked.Warehouse, "return"), input.Policy) is { } unknown)
            {
                return unknown;
            }

            foreach (var line in Grouped(restocked.Lines.Select(l => (l.Sku, l.Quantity))))
            {
                if (ItemId(restocked.Warehouse, line.Sku) is not { } id)
                {
                    return CommandOutcome.Refuse(RuleIds.Wh3, $"Returned SKU '{line.Sku}' cannot name a stock item.");
                }

                Move(id, StockMovementKind.Return, line.Quantity, 0, restocked.Source.Id);
            }

            return null;
        }

        /// <summary>One write per item moved, after its low-stock check against last week's sales (WH-4).</summary>
        public List<AggregateWrite> Finish()
        {
            foreach (var key in _moved)
            {
                var (item, version) = _items[key];
                var (checkedItem, alert) = item.CheckingLowStock(item.LastWeekSales(_week), command.At);
                if (alert is not null)
                {
                    Events.Add(alert);
                    Events.Add(LowStock.Notice(alert, checkedItem.Id));
                }

                Writes.Add(new AggregateWrite(key, version, checkedItem));
            }

            return Writes;
        }

        /// <summary>The item's working state in this join (its stored state before any move), or null when it has no stock record.</summary>
        private StockItem? Item(StockItemId id)
        {
            if (_items.TryGetValue(id.Key, out var known))
            {
                return known.Item;
            }

            if (input.Find(id.Key) is { State: StockItem item } stored)
            {
                _items[id.Key] = (item, stored.Version);
                return item;
            }

            return null;
        }

        private void Move(StockItemId id, StockMovementKind kind, int onHandChange, int reservedChange, string reference)
        {
            var item = Item(id) ?? StockItem.Empty(id);
            var version = _items.TryGetValue(id.Key, out var known) ? known.Version : 0;
            var (moved, e) = item.Moving(kind, onHandChange, reservedChange, reference, command.At);
            if (kind == StockMovementKind.Consumption)
            {
                moved = moved.Selling(-onHandChange, _week); // WH-4: last week's sales
            }

            _items[id.Key] = (moved, version);
            if (!_moved.Contains(id.Key))
            {
                _moved.Add(id.Key);
            }

            Events.Add(e);
        }
    }
}
