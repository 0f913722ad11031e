using EcomRules.Commands;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// The stock of one SKU in one warehouse: immutable; every accepted command produces a new instance and records each
/// change as a <see cref="StockMoved"/> movement (WH-3). On hand and reserved are never negative, and reserved never
/// exceeds on hand, so <see cref="Available"/> is never negative either.
/// </summary>
public sealed record StockItem
{
    private StockItem(StockItemId id) => Id = id;

    /// <summary>Gets the item's ID (warehouse and SKU).</summary>
    public StockItemId Id { get; private init; }

    /// <summary>Gets the units in the warehouse, reserved or not.</summary>
    public int OnHand { get; private init; }

    /// <summary>Gets the units set aside for orders and not yet shipped.</summary>
    public int Reserved { get; private init; }

    /// <summary>Gets the units that can still be reserved: on hand minus reserved.</summary>
    public int Available => OnHand - Reserved;

    /// <summary>Gets how many movements the item has recorded.</summary>
    public long Movements { get; private init; }

    /// <summary>Gets the instant of the last movement, or null before the first.</summary>
    public Instant? LastMovementAt { get; private init; }

    /// <summary>Gets the low-stock threshold last given (last week's sales, WH-4), or null when none was given yet.</summary>
    public int? LowStockThreshold { get; private init; }

    /// <summary>Gets whether on hand is below <see cref="LowStockThreshold"/> and the alert was raised (WH-4: once per crossing).</summary>
    public bool LowStockAlerted { get; private init; }

    /// <summary>Gets the instant of the last closed stocktake, or null.</summary>
    public Instant? LastCountedAt { get; private init; }

    /// <summary>Gets the Monday of the week of the last shipment (in the merchant's zone), or null before the first (WH-4).</summary>
    public LocalDate? SalesWeek { get; private init; }

    /// <summary>Gets the units shipped in <see cref="SalesWeek"/>.</summary>
    public int SalesInWeek { get; private init; }

    /// <summary>Gets the units shipped in the week before <see cref="SalesWeek"/>.</summary>
    public int SalesInWeekBefore { get; private init; }

    /// <summary>Gets last week's sales as seen in the week starting <paramref name="week"/> (WH-4: the low-stock threshold).</summary>
    /// <param name="week">The Monday of the current week.</param>
    /// <returns>The units shipped in the week before <paramref name="week"/>; zero when none were recorded.</returns>
    public int LastWeekSales(LocalDate week)
        => SalesWeek is not { } recorded ? 0
            : recorded == week ? SalesInWeekBefore
            : recorded == week.PlusDays(-7) ? SalesInWeek
            : 0;

    /// <summary>Gets the Monday of the week of <paramref name="date"/>: weeks run Monday to Sunday, as the working week (DSP-1).</summary>
    /// <param name="date">A date.</param>
    /// <returns>The week's Monday.</returns>
    public static LocalDate WeekOf(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <inheritdoc />
    public override string ToString() => $"Stock {Id} (on hand {OnHand}, reserved {Reserved})";

    /// <summary>An item with nothing on hand, before its first receipt.</summary>
    internal static StockItem Empty(StockItemId id) => new(id);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static StockItem Rehydrate(StockItemId id, int onHand, int reserved, long movements, Instant? lastMovementAt,
        (int? Threshold, bool Alerted) lowStock, Instant? lastCountedAt)
        => new(id)
        {
            OnHand = onHand, Reserved = reserved, Movements = movements, LastMovementAt = lastMovementAt,
            LowStockThreshold = lowStock.Threshold, LowStockAlerted = lowStock.Alerted, LastCountedAt = lastCountedAt,
        };

    /// <summary>Records one movement; the caller has checked that neither figure goes negative (WH-3).</summary>
    internal (StockItem Item, StockMoved Event) Moving(StockMovementKind kind, int onHandChange, int reservedChange, string reference, Instant at)
    {
        var next = this with
        {
            OnHand = checked(OnHand + onHandChange), Reserved = checked(Reserved + reservedChange), Movements = Movements + 1, LastMovementAt = at,
        };
        if (next.OnHand < 0 || next.Reserved < 0 || next.Reserved > next.OnHand)
        {
            throw new InvalidOperationException($"A {kind} movement of {Id} would leave on hand {next.OnHand}, reserved {next.Reserved}."); // WH-3, checked before
        }

        return (next, new StockMoved(Id.Key, at, kind, onHandChange, reservedChange, next.OnHand, next.Reserved, reference));
    }

    internal StockItem Counted(Instant at) => this with { LastCountedAt = at };

    // Persistence: the weekly sales kept for WH-4.
    internal StockItem WithSales(LocalDate? week, int inWeek, int inWeekBefore) => this with { SalesWeek = week, SalesInWeek = inWeek, SalesInWeekBefore = inWeekBefore };

    /// <summary>Counts <paramref name="quantity"/> units shipped in the week starting <paramref name="week"/> (WH-4).</summary>
    internal StockItem Selling(int quantity, LocalDate week)
    {
        if (SalesWeek is not { } recorded || week > recorded)
        {
            var before = SalesWeek == week.PlusDays(-7) ? SalesInWeek : 0;
            return this with { SalesWeek = week, SalesInWeek = quantity, SalesInWeekBefore = before };
        }

        // A shipment dated in an earlier week than the last one recorded counts in the last week (never lost).
        return this with { SalesInWeek = SalesInWeek + quantity };
    }

    /// <summary>
    /// WH-4: compares on hand with the threshold (the one given, else the last one kept) and raises the alert once per
    /// crossing: it is raised when on hand falls below the threshold, and re-armed only when on hand is back at or above it.
    /// </summary>
    internal (StockItem Item, LowStockAlerted? Alert) CheckingLowStock(int? threshold, Instant at)
    {
        var limit = threshold ?? LowStockThreshold;
        if (limit is not { } t)
        {
            return (this, null);
        }

        if (OnHand < t)
        {
            return LowStockAlerted
                ? (this with { LowStockThreshold = t }, null)
                : (this with { LowStockThreshold = t, LowStockAlerted = true }, new LowStockAlerted(Id.Key, at, OnHand, t));
        }

        return (this with { LowStockThreshold = t, LowStockAlerted = false }, null);
    }
}
