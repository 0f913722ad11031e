using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// A delivery that arrived at a warehouse with its delivery document (WH-2): the lines expected, the day it arrived,
/// and the lines checked and stocked in so far. Every line must be checked (<see cref="ReceiveStock"/>) by the end of
/// the arrival working day; a durable timer records a breach otherwise. Immutable.
/// </summary>
public sealed record DeliveryReceipt
{
    private DeliveryReceipt(DeliveryReceiptId id, ImmutableArray<StockLine> lines, LocalDate arrivedOn, Instant dueBy)
    {
        Id = id;
        Lines = lines;
        ArrivedOn = arrivedOn;
        DueBy = dueBy;
        Checked = [];
    }

    /// <summary>Gets the delivery's ID.</summary>
    public DeliveryReceiptId Id { get; }

    /// <summary>Gets the lines of the delivery document.</summary>
    public ImmutableArray<StockLine> Lines { get; }

    /// <summary>Gets the day the goods arrived.</summary>
    public LocalDate ArrivedOn { get; }

    /// <summary>Gets when every line must be stocked in: the end of the arrival working day (WH-2).</summary>
    public Instant DueBy { get; }

    /// <summary>Gets the SKUs checked so far.</summary>
    public ImmutableArray<string> Checked { get; private init; }

    /// <summary>Gets whether every line was checked.</summary>
    public bool IsComplete => Checked.Length == Lines.Length;

    /// <summary>Gets whether the stock-in deadline passed with lines unchecked (WH-2 breach).</summary>
    public bool Breached { get; private init; }

    /// <summary>Compares by value.</summary>
    /// <param name="other">The other delivery.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(DeliveryReceipt? other)
        => other is not null && Id == other.Id && ArrivedOn == other.ArrivedOn && DueBy == other.DueBy && Breached == other.Breached
            && Lines.SequenceEqual(other.Lines) && Checked.SequenceEqual(other.Checked);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, ArrivedOn, DueBy, Breached, Checked.Length);

    /// <inheritdoc />
    public override string ToString() => $"Delivery {Id} ({Checked.Length}/{Lines.Length} lines checked{(Breached ? ", breached" : "")})";

    internal static DeliveryReceipt Arrived(DeliveryReceiptId id, ImmutableArray<StockLine> lines, LocalDate arrivedOn, Instant dueBy) => new(id, lines, arrivedOn, dueBy);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static DeliveryReceipt Rehydrate(DeliveryReceiptId id, ImmutableArray<StockLine> lines, LocalDate arrivedOn, Instant dueBy, ImmutableArray<string> checkedSkus, bool breached)
        => new(id, lines, arrivedOn, dueBy) { Checked = checkedSkus, Breached = breached };

    internal StockLine? Line(string sku)
    {
        foreach (var line in Lines)
        {
            if (string.Equals(line.Sku, sku, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    internal DeliveryReceipt Checking(string sku) => this with { Checked = Checked.Add(sku) };

    internal DeliveryReceipt Breaching() => this with { Breached = true };
}
