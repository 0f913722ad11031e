using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Internal;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// Dispatch cut-offs per warehouse: a default, per-weekday overrides and per-date exceptions (DSP-2, DSP-3).
/// Immutable; every <c>With…</c> method validates and returns a new instance.
/// </summary>
/// <remarks>
/// A cut-off is the first moment that is "too late": an order paid at 15:00:00 against a 15:00 cut-off ships the
/// next working day; one paid at 14:59:59 ships the same day. A cut-off must lie inside the working hours of the
/// day it applies to (start and end included), or <see cref="CutoffOutsideWorkingHoursException"/> is thrown.
/// On a working day the cut-off is the date exception, else the weekday override, else the warehouse default (a
/// make-up Saturday or Sunday without an override uses the default).
/// </remarks>
public sealed class DispatchCutoffs
{
    private readonly ImmutableDictionary<WarehouseId, Rules> _warehouses;

    private DispatchCutoffs(WorkingCalendar calendar, ImmutableDictionary<WarehouseId, Rules> warehouses)
    {
        Calendar = calendar;
        _warehouses = warehouses;
    }

    /// <summary>Gets the cut-off of the parts-distributor profile (DSP-2): 15:00.</summary>
    public static LocalTime PartsDistributorCutoff { get; } = new(15, 0);

    /// <summary>Gets the cut-off of the retail / warehouse profile (DSP-3): 17:00.</summary>
    public static LocalTime RetailCutoff { get; } = new(17, 0);

    /// <summary>Gets the working calendar the cut-offs apply to.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>Gets the warehouses with cut-offs.</summary>
    public IReadOnlyCollection<WarehouseId> Warehouses => [.. _warehouses.Keys];

    /// <summary>Creates an empty set of cut-offs on a calendar; add warehouses with <see cref="WithWarehouse"/>.</summary>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The cut-offs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static DispatchCutoffs Create(WorkingCalendar calendar)
        => new(Preconditions.CheckNotNull(calendar), ImmutableDictionary<WarehouseId, Rules>.Empty);

    /// <summary>Returns these cut-offs with a warehouse's default cut-off, for every working weekday and make-up day.</summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="cutoff">The cut-off, e.g. <see cref="PartsDistributorCutoff"/> or <see cref="RetailCutoff"/>.</param>
    /// <returns>The new cut-offs.</returns>
    /// <exception cref="CutoffOutsideWorkingHoursException">The cut-off is outside the hours of a working weekday or of make-up days.</exception>
    public DispatchCutoffs WithWarehouse(WarehouseId warehouse, LocalTime cutoff)
    {
        var schedule = Calendar.Schedule;
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var hours = schedule.HoursOf(day);
            if (!hours.IsClosed)
            {
                CheckInside(warehouse, cutoff, day.ToString(), hours);
            }
        }

        if (schedule.WorksMakeUpDays && !schedule.MakeUpDayHours.IsClosed)
        {
            CheckInside(warehouse, cutoff, "make-up working days", schedule.MakeUpDayHours);
        }

        var rules = _warehouses.TryGetValue(warehouse, out var existing)
            ? existing with { Default = cutoff }
            : new Rules(cutoff, ImmutableDictionary<IsoDayOfWeek, LocalTime>.Empty, ImmutableDictionary<LocalDate, LocalTime>.Empty);
        return new(Calendar, _warehouses.SetItem(warehouse, rules));
    }

    /// <summary>Returns these cut-offs with a weekday override for a warehouse.</summary>
    /// <param name="warehouse">A warehouse already added with <see cref="WithWarehouse"/>.</param>
    /// <param name="day">The weekday; it must have working hours.</param>
    /// <param name="cutoff">The cut-off.</param>
    /// <returns>The new cut-offs.</returns>
    /// <exception cref="ArgumentException">The warehouse has no default cut-off yet.</exception>
    /// <exception cref="CutoffOutsideWorkingHoursException">The cut-off is outside that weekday's hours.</exception>
    public DispatchCutoffs WithWeekday(WarehouseId warehouse, IsoDayOfWeek day, LocalTime cutoff)
    {
        var rules = RulesOf(warehouse);
        CheckInside(warehouse, cutoff, day.ToString(), Calendar.Schedule.HoursOf(day));
        return new(Calendar, _warehouses.SetItem(warehouse, rules with { Weekdays = rules.Weekdays.SetItem(day, cutoff) }));
    }

    /// <summary>Returns these cut-offs with a per-date exception for a warehouse.</summary>
    /// <param name="warehouse">A warehouse already added with <see cref="WithWarehouse"/>.</param>
    /// <param name="date">The date; it must be a working day of <see cref="Calendar"/>.</param>
    /// <param name="cutoff">The cut-off.</param>
    /// <returns>The new cut-offs.</returns>
    /// <exception cref="ArgumentException">The warehouse has no default cut-off yet.</exception>
    /// <exception cref="CutoffOutsideWorkingHoursException">The cut-off is outside that date's hours.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered by the calendar.</exception>
    public DispatchCutoffs WithDate(WarehouseId warehouse, LocalDate date, LocalTime cutoff)
    {
        var rules = RulesOf(warehouse);
        CheckInside(warehouse, cutoff, date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Calendar.HoursOn(date));
        return new(Calendar, _warehouses.SetItem(warehouse, rules with { Dates = rules.Dates.SetItem(date, cutoff) }));
    }

    /// <summary>Returns the same cut-offs on another working calendar (e.g. one with next year's holidays), every rule
    /// checked again against the new calendar's hours.</summary>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The cut-offs on <paramref name="calendar"/>; this instance when it is already on it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CutoffOutsideWorkingHoursException">A cut-off is outside the new calendar's hours of its day.</exception>
    /// <exception cref="CalendarYearNotCoveredException">A per-date exception is not covered by the new calendar.</exception>
    public DispatchCutoffs OnCalendar(WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        if (ReferenceEquals(calendar, Calendar))
        {
            return this;
        }

        var moved = Create(calendar);
        foreach (var (warehouse, rules) in _warehouses)
        {
            moved = moved.WithWarehouse(warehouse, rules.Default);
            foreach (var (day, cutoff) in rules.Weekdays)
            {
                moved = moved.WithWeekday(warehouse, day, cutoff);
            }

            foreach (var (date, cutoff) in rules.Dates)
            {
                moved = moved.WithDate(warehouse, date, cutoff);
            }
        }

        return moved;
    }

    /// <summary>Gets a warehouse's cut-off on a date.</summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="date">The date.</param>
    /// <returns>The cut-off, or null when the date is not a working day; never after the date's working hours end (a day
    /// opened specially for fewer hours takes orders for same-day dispatch until it closes).</returns>
    /// <exception cref="ArgumentException">The warehouse has no cut-offs.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered by the calendar.</exception>
    public LocalTime? CutoffOn(WarehouseId warehouse, LocalDate date)
    {
        var rules = RulesOf(warehouse);
        if (!Calendar.IsWorkingDay(date))
        {
            return null;
        }

        if (rules.Dates.TryGetValue(date, out var byDate))
        {
            return byDate; // checked against that date's hours when it was added
        }

        // A day opened specially (MerchantSchedule.WithOpening) may close before the usual cut-off: it takes same-day
        // orders only while it is open (DSP-2, DSP-3).
        var cutoff = rules.Weekdays.TryGetValue(date.DayOfWeek, out var byWeekday) ? byWeekday : rules.Default;
        var closes = Calendar.HoursOn(date).Intervals[^1].End;
        return cutoff > closes ? closes : cutoff;
    }

    /// <summary>
    /// Gets the date an order paid at <paramref name="paidAt"/> ships from a warehouse: the payment's date when that is a
    /// working day and the payment is before its cut-off, else the next working day (DSP-2, DSP-3).
    /// </summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="paidAt">When the order was paid.</param>
    /// <returns>The dispatch date.</returns>
    /// <exception cref="ArgumentException">The warehouse has no cut-offs.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the payment or the dispatch date.</exception>
    public LocalDate NextDispatchDate(WarehouseId warehouse, Instant paidAt)
    {
        var local = paidAt.InZone(Calendar.Zone).LocalDateTime;

        // DSP-2/DSP-3: strictly before the cut-off ships today; at or after it, the next working day.
        return CutoffOn(warehouse, local.Date) is { } cutoff && local.TimeOfDay < cutoff
            ? local.Date
            : Calendar.NextWorkingDay(local.Date);
    }

    private static void CheckInside(WarehouseId warehouse, LocalTime cutoff, string day, WorkingHours hours)
    {
        if (!hours.Intervals.Any(i => i.Start <= cutoff && cutoff <= i.End))
        {
            throw new CutoffOutsideWorkingHoursException(warehouse, cutoff, day, hours);
        }
    }

    private Rules RulesOf(WarehouseId warehouse)
        => _warehouses.TryGetValue(warehouse, out var rules)
            ? rules
            : throw new ArgumentException(
                $"Warehouse '{warehouse}' has no dispatch cut-off; add it with WithWarehouse first. Known: {string.Join(", ", _warehouses.Keys)}.",
                nameof(warehouse));

    private sealed record Rules(
        LocalTime Default,
        ImmutableDictionary<IsoDayOfWeek, LocalTime> Weekdays,
        ImmutableDictionary<LocalDate, LocalTime> Dates);
}
