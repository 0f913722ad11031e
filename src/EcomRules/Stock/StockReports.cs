using EcomRules.Ports;
using System.Globalization;
using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Policies;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Reports computed from the recorded movements (<see cref="StockMoved"/>, from the outbox or an event feed): pure
/// functions, so a summary always agrees with the movements it was made from.
/// </summary>
public static class StockReports
{
    /// <summary>The monthly in / out / balance summary per item (WH-6), ordered by item key.</summary>
    /// <param name="movements">Every movement of the items up to the month's end at least (earlier ones give the opening balance).</param>
    /// <param name="month">The month.</param>
    /// <param name="zone">The merchant's zone, which decides the month of each movement.</param>
    /// <returns>One summary per item with a movement before the month's end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="movements"/> or <paramref name="zone"/> is null.</exception>
    public static ImmutableArray<StockMonthSummary> MonthlySummary(IEnumerable<StockMoved> movements, YearMonth month, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(zone);
        var start = month.OnDayOfMonth(1).AtStartOfDayInZone(zone).ToInstant();
        var end = month.PlusMonths(1).OnDayOfMonth(1).AtStartOfDayInZone(zone).ToInstant();
        var items = new SortedDictionary<string, (AggregateKey Key, long Opening, long In, long Out)>(StringComparer.Ordinal);
        foreach (var m in movements)
        {
            Preconditions.CheckNotNull(m, nameof(movements));
            if (m.At >= end)
            {
                continue;
            }

            var name = m.Source.ToString();
            var (key, opening, into, outOf) = items.TryGetValue(name, out var known) ? known : (m.Source, 0L, 0L, 0L);
            if (m.At < start)
            {
                opening += m.OnHandChange;
            }
            else if (m.OnHandChange > 0)
            {
                into += m.OnHandChange;
            }
            else
            {
                outOf -= m.OnHandChange;
            }

            items[name] = (key, opening, into, outOf);
        }

        return [.. items.Values.Select(i => new StockMonthSummary(i.Key, month, i.Opening, i.In, i.Out, i.Opening + i.In - i.Out))];
    }

    /// <summary>
    /// Classes one item by sales velocity (WH-7): the units shipped in the policy's number of whole weeks before the
    /// week of <paramref name="asOf"/> (weeks run Monday to Sunday), averaged per week, against the policy's thresholds.
    /// </summary>
    /// <param name="movements">The item's movements (others are ignored only if the caller filters them; every shipment counts).</param>
    /// <param name="asOf">The day of the classification.</param>
    /// <param name="zone">The merchant's zone.</param>
    /// <param name="velocity">The thresholds.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StockVelocityClass Classify(IEnumerable<StockMoved> movements, LocalDate asOf, DateTimeZone zone, StockVelocityPolicy velocity)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(velocity);
        var end = StockItem.WeekOf(asOf).AtStartOfDayInZone(zone).ToInstant();
        var start = StockItem.WeekOf(asOf).PlusWeeks(-velocity.Weeks).AtStartOfDayInZone(zone).ToInstant();
        var sold = 0L;
        foreach (var m in movements)
        {
            if (m.Kind == StockMovementKind.Consumption && m.At >= start && m.At < end)
            {
                sold -= m.OnHandChange;
            }
        }

        var weekly = (decimal)sold / velocity.Weeks;
        return weekly >= velocity.FastMoverWeeklySales ? StockVelocityClass.Fast
            : weekly <= velocity.SlowMoverWeeklySales ? StockVelocityClass.Slow
            : StockVelocityClass.Regular;
    }

    /// <summary>
    /// The month's in / out / balance per item (WH-6) with each item's velocity class (WH-7) as a report the host exports
    /// through <see cref="Ports.IReportSink"/> (CSV and JSON). Stock figures hold no personal data.
    /// </summary>
    /// <param name="month">The month.</param>
    /// <param name="summaries">The items' summaries (<see cref="MonthlySummary"/>).</param>
    /// <param name="classes">Each item's velocity class; an item without one shows an empty cell.</param>
    /// <returns>The report, named <c>stock-summary-{yyyy-MM}</c>, rows in item order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> or <paramref name="classes"/> is null.</exception>
    public static TabularReport MonthlyReport(YearMonth month, IEnumerable<StockMonthSummary> summaries, IReadOnlyDictionary<AggregateKey, StockVelocityClass> classes)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(classes);
        var name = string.Create(CultureInfo.InvariantCulture, $"stock-summary-{month.Year:D4}-{month.Month:D2}");
        var rows = summaries.OrderBy(static s => s.Item.Id, StringComparer.Ordinal).Select(s => new[]
        {
            s.Item.Id,
            s.Opening.ToString(CultureInfo.InvariantCulture),
            s.In.ToString(CultureInfo.InvariantCulture),
            s.Out.ToString(CultureInfo.InvariantCulture),
            s.Closing.ToString(CultureInfo.InvariantCulture),
            classes.TryGetValue(s.Item, out var velocity) ? velocity.ToString() : string.Empty,
        });
        return new TabularReport(name, string.Create(CultureInfo.InvariantCulture, $"Stock in / out / balance, {month.Year:D4}-{month.Month:D2} (WH-6, WH-7)"),
            ["item", "opening", "in", "out", "closing", "velocity"], rows);
    }
}
