using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// The sales ledger of one working day (FIN-1): one line per order paid, refunded or cancelled that day, in order-ID
/// order, with the payment status checked. A mismatch, or an entry recorded after the ledger closed, flags the day: it
/// is reported, never dropped. Immutable; computed from the day's entries.
/// </summary>
public sealed class DailyLedger
{
    private DailyLedger(LocalDate day, ImmutableArray<DailyLedgerLine> lines, int lateEntries)
    {
        Day = day;
        Lines = lines;
        LateEntries = lateEntries;
        var paid = 0m;
        var refunded = 0m;
        var cancelled = 0m;
        foreach (var line in lines)
        {
            paid += line.Paid.Yuan;
            refunded += line.Refunded.Yuan;
            cancelled += line.Cancelled.Yuan;
            Mismatches += line.IsMismatch ? 1 : 0;
        }

        Paid = new Money(paid);
        Refunded = new Money(refunded);
        Cancelled = new Money(cancelled);
    }

    /// <summary>Gets the working day.</summary>
    public LocalDate Day { get; }

    /// <summary>Gets one line per order, ordered by order ID (ordinal).</summary>
    public ImmutableArray<DailyLedgerLine> Lines { get; }

    /// <summary>Gets the sum of the day's payments.</summary>
    public Money Paid { get; }

    /// <summary>Gets the sum of the day's paid refunds.</summary>
    public Money Refunded { get; }

    /// <summary>Gets the sum the day's cancellations are to refund (paid out later as refunds, so not part of <see cref="Refunded"/>).</summary>
    public Money Cancelled { get; }

    /// <summary>Gets how many lines do not check out.</summary>
    public int Mismatches { get; }

    /// <summary>Gets how many entries were recorded after the ledger closed.</summary>
    public int LateEntries { get; }

    /// <summary>Gets whether the day is flagged: a line does not check out, or an entry came after the close (FIN-1).</summary>
    public bool IsFlagged => Mismatches > 0 || LateEntries > 0;

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"Ledger {Day:yyyy-MM-dd}: {Lines.Length} orders, paid {Paid}, refunded {Refunded}, cancelled {Cancelled}{(IsFlagged ? $", FLAGGED ({Mismatches} mismatches, {LateEntries} late)" : string.Empty)}");

    /// <summary>Builds the ledger of <paramref name="day"/> from its entries (FIN-1).</summary>
    /// <param name="day">The working day.</param>
    /// <param name="entries">The day's entries.</param>
    /// <param name="lateEntries">How many of them came after the close.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public static DailyLedger Build(LocalDate day, IEnumerable<SalesEntry> entries, int lateEntries = 0)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(lateEntries);
        var byOrder = new Dictionary<string, List<SalesEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (!byOrder.TryGetValue(entry.Order.Value, out var list))
            {
                byOrder[entry.Order.Value] = list = new List<SalesEntry>(2);
            }

            list.Add(entry);
        }

        var lines = ImmutableArray.CreateBuilder<DailyLedgerLine>(byOrder.Count);
        foreach (var order in byOrder.Keys.Order(StringComparer.Ordinal))
        {
            lines.Add(LineOf(new OrderId(order), byOrder[order]));
        }

        return new DailyLedger(day, lines.MoveToImmutable(), lateEntries);
    }

    private static DailyLedgerLine LineOf(OrderId order, List<SalesEntry> entries)
    {
        decimal paid = 0m, refunded = 0m, cancelled = 0m;
        var orderPaid = Money.Zero;
        var refundedInAll = Money.Zero;
        var payments = 0;
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case SalesEntryKind.Payment:
                    paid += entry.Amount.Yuan;
                    payments++;
                    break;
                case SalesEntryKind.Refund:
                    refunded += entry.Amount.Yuan;
                    break;
                default:
                    cancelled += entry.Amount.Yuan;
                    break;
            }

            orderPaid = Money.Max(orderPaid, entry.OrderPaid);
            refundedInAll = Money.Max(refundedInAll, entry.OrderRefunded);
        }

        var last = entries[^1];
        var line = new DailyLedgerLine(order, last.Buyer, last.OrderTotal, new Money(paid), new Money(refunded), new Money(cancelled), null);
        return line with { Problem = ProblemOf(line, payments, orderPaid, refundedInAll) };
    }

    // FIN-1: the payment status is checked — paid equals the order total, refunds never exceed what was paid (REF-1).
    private static string? ProblemOf(DailyLedgerLine line, int payments, Money orderPaid, Money refundedInAll)
    {
        if (payments > 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"paid {payments} times ({line.Paid}) for an order total of {line.OrderTotal}");
        }

        if (payments == 1 && line.Paid != line.OrderTotal)
        {
            return string.Create(CultureInfo.InvariantCulture, $"paid {line.Paid} for an order total of {line.OrderTotal}");
        }

        if (line.Refunded > orderPaid || refundedInAll > orderPaid)
        {
            return string.Create(CultureInfo.InvariantCulture, $"refunded {Money.Max(line.Refunded, refundedInAll)} of {orderPaid} paid (REF-1)");
        }

        return line.Cancelled > orderPaid
            ? string.Create(CultureInfo.InvariantCulture, $"cancellation refunds {line.Cancelled} of {orderPaid} paid")
            : null;
    }
}
