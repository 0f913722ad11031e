using System.Collections.Immutable;
using EcomRules.Inventory;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// What an allocated order reserved (WH-1, WH-3) when the policy tracks stock: its lines at its warehouse, written in
/// the allocation's change set. Shipment consumes exactly these units and cancellation releases them; an order
/// allocated before stock was tracked has none, and its shipment moves no stock. Immutable.
/// </summary>
public sealed record StockReservation
{
    private StockReservation(OrderId order, WarehouseId warehouse, ImmutableArray<StockLine> lines, Instant reservedAt)
    {
        Order = order;
        Warehouse = warehouse;
        Lines = lines;
        ReservedAt = reservedAt;
    }

    /// <summary>Gets the order.</summary>
    public OrderId Order { get; }

    /// <summary>Gets the warehouse the order ships from (WH-1).</summary>
    public WarehouseId Warehouse { get; }

    /// <summary>Gets the units reserved, one line per SKU.</summary>
    public ImmutableArray<StockLine> Lines { get; }

    /// <summary>Gets when the units were reserved.</summary>
    public Instant ReservedAt { get; }

    /// <summary>Gets how the reservation ended: <see cref="StockMovementKind.Consumption"/> (shipped) or
    /// <see cref="StockMovementKind.Release"/> (cancelled); null while the units are still reserved.</summary>
    public StockMovementKind? ClosedBy { get; private init; }

    /// <summary>Compares by value, the lines item by item (a stored reservation equals the one that was saved).</summary>
    /// <param name="other">The other reservation.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(StockReservation? other)
        => other is not null && Order == other.Order && Warehouse == other.Warehouse && ReservedAt == other.ReservedAt && ClosedBy == other.ClosedBy
            && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Order, Warehouse, ReservedAt, ClosedBy, Lines.Length);

    /// <inheritdoc />
    public override string ToString() => $"Stock reservation of {Order} at {Warehouse} ({(ClosedBy is { } k ? k.ToString() : "open")})";

    internal static StockReservation Open(OrderId order, WarehouseId warehouse, ImmutableArray<StockLine> lines, Instant at) => new(order, warehouse, lines, at);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static StockReservation Rehydrate(OrderId order, WarehouseId warehouse, ImmutableArray<StockLine> lines, Instant at, StockMovementKind? closedBy)
        => new(order, warehouse, lines, at) { ClosedBy = closedBy };

    internal StockReservation Closing(StockMovementKind by) => this with { ClosedBy = by };
}
