using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// A merchant's working schedule: time zone, working hours per weekday, whether make-up working days (调休) are
/// worked and with which hours, and extra closures and openings by date. Immutable: every <c>With…</c> method
/// returns a new schedule. Combine it with a <see cref="PublicHolidayCalendar"/> in
/// <see cref="WorkingCalendar.Create(MerchantSchedule, PublicHolidayCalendar)"/>.
/// </summary>
/// <remarks>
/// The hours of a date are decided in this order: an extra opening; an extra closure; a statutory day off (closed);
/// a make-up working day when <see cref="WorksMakeUpDays"/> (<see cref="MakeUpDayHours"/>); the weekday's hours
/// (so a make-up Saturday of a merchant who ignores make-up days is an ordinary Saturday).
/// </remarks>
public sealed class MerchantSchedule
{
    /// <summary>The default time zone id: <c>Asia/Shanghai</c>.</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    private readonly ImmutableArray<WorkingHours> _weekdays; // index 0 = Monday … 6 = Sunday

    private MerchantSchedule(
        DateTimeZone zone,
        ImmutableArray<WorkingHours> weekdays,
        bool worksMakeUpDays,
        WorkingHours makeUpDayHours,
        ImmutableSortedSet<LocalDate> closures,
        ImmutableSortedDictionary<LocalDate, WorkingHours> openings)
    {
        Zone = zone;
        _weekdays = weekdays;
        WorksMakeUpDays = worksMakeUpDays;
        MakeUpDayHours = makeUpDayHours;
        Closures = closures;
        Openings = openings;
    }

    /// <summary>
    /// Gets the default schedule: Asia/Shanghai; Monday to Saturday 08:30–12:00 and 14:00–18:00, Sunday rest
    /// (DSP-1, DSP-4); make-up days worked with Monday's hours; no extra closures or openings.
    /// </summary>
    public static MerchantSchedule Default { get; } = new(
        DateTimeZoneProviders.Tzdb[DefaultZoneId],
        [.. Enumerable.Repeat(WorkingHours.Standard, 6), WorkingHours.Closed],
        worksMakeUpDays: true,
        WorkingHours.Standard,
        [],
        ImmutableSortedDictionary<LocalDate, WorkingHours>.Empty);

    /// <summary>Gets the zone working hours are given in.</summary>
    /// <value>The default is Asia/Shanghai.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets whether make-up working days are worked; when not, they keep their weekday's hours.</summary>
    /// <value>The default is true.</value>
    public bool WorksMakeUpDays { get; }

    /// <summary>Gets the hours of a make-up working day.</summary>
    /// <value>The default is Monday's hours, 08:30–12:00 and 14:00–18:00.</value>
    public WorkingHours MakeUpDayHours { get; }

    /// <summary>Gets the extra closures: dates without work whatever the weekday.</summary>
    /// <value>The default is none.</value>
    public ImmutableSortedSet<LocalDate> Closures { get; }

    /// <summary>Gets the extra openings: dates worked with the given hours whatever the weekday or holiday.</summary>
    /// <value>The default is none.</value>
    public ImmutableSortedDictionary<LocalDate, WorkingHours> Openings { get; }

    /// <summary>Gets the working hours of a weekday.</summary>
    /// <param name="day">The weekday.</param>
    /// <returns>The hours; <see cref="WorkingHours.Closed"/> for a rest day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public WorkingHours HoursOf(IsoDayOfWeek day) => _weekdays[WeekdayIndex(day)];

    /// <summary>Gets the working hours of a date, given the public calendar facts.</summary>
    /// <param name="date">The date.</param>
    /// <param name="holidays">The public calendar facts.</param>
    /// <returns>The hours of that date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered by <paramref name="holidays"/>.</exception>
    public WorkingHours HoursOn(LocalDate date, PublicHolidayCalendar holidays)
    {
        Preconditions.CheckNotNull(holidays);
        return HoursOn(date, holidays.GetYear(date.Year));
    }

    // The hours of a date given its year's facts; without facts (a provisional day of an uncovered year) the date is an
    // ordinary day of the week: no statutory day off, no make-up day.
    internal WorkingHours HoursOn(LocalDate date, PublicHolidayYear? year)
    {
        if (Openings.TryGetValue(date, out var opening))
        {
            return opening;
        }

        if (Closures.Contains(date) || (year?.IsDayOff(date) ?? false))
        {
            return WorkingHours.Closed;
        }

        // DSP-1: a make-up day (调休) is a working day even on a Saturday or Sunday.
        if (WorksMakeUpDays && (year?.IsMakeUpWorkday(date) ?? false))
        {
            return MakeUpDayHours;
        }

        return HoursOf(date.DayOfWeek);
    }

    /// <summary>Returns this schedule in another zone.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public MerchantSchedule WithZone(DateTimeZone zone)
        => new(Preconditions.CheckNotNull(zone), _weekdays, WorksMakeUpDays, MakeUpDayHours, Closures, Openings);

    /// <summary>Returns this schedule in the zone with IANA id <paramref name="zoneId"/>.</summary>
    /// <param name="zoneId">An IANA (TZDB) zone id such as <c>Asia/Shanghai</c>.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is blank or not a TZDB zone id.</exception>
    public MerchantSchedule WithZone(string zoneId)
    {
        Preconditions.CheckNotBlank(zoneId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        Preconditions.CheckArgument(zone is not null, nameof(zoneId),
            $"'{zoneId}' is not a known IANA time zone id; use an id such as '{DefaultZoneId}'.");
        return WithZone(zone);
    }

    /// <summary>Returns this schedule with other hours on a weekday.</summary>
    /// <param name="day">The weekday.</param>
    /// <param name="hours">The hours; <see cref="WorkingHours.Closed"/> for a rest day.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public MerchantSchedule WithHours(IsoDayOfWeek day, WorkingHours hours)
    {
        Preconditions.CheckNotNull(hours);
        return new(Zone, _weekdays.SetItem(WeekdayIndex(day), hours), WorksMakeUpDays, MakeUpDayHours, Closures, Openings);
    }

    /// <summary>Returns this schedule with whether, and with which hours, make-up working days are worked.</summary>
    /// <param name="worked">Whether make-up days are worked.</param>
    /// <param name="hours">Their hours; null keeps the current ones.</param>
    /// <returns>The new schedule.</returns>
    public MerchantSchedule WithMakeUpDays(bool worked, WorkingHours? hours = null)
        => new(Zone, _weekdays, worked, hours ?? MakeUpDayHours, Closures, Openings);

    /// <summary>Returns this schedule with an extra closure; an extra opening on that date is removed.</summary>
    /// <param name="date">The date without work.</param>
    /// <returns>The new schedule.</returns>
    public MerchantSchedule WithClosure(LocalDate date)
        => new(Zone, _weekdays, WorksMakeUpDays, MakeUpDayHours, Closures.Add(date), Openings.Remove(date));

    /// <summary>Returns this schedule with an extra opening; an extra closure on that date is removed.</summary>
    /// <param name="date">The date worked.</param>
    /// <param name="hours">The hours worked that day.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public MerchantSchedule WithOpening(LocalDate date, WorkingHours hours)
    {
        Preconditions.CheckNotNull(hours);
        return new(Zone, _weekdays, WorksMakeUpDays, MakeUpDayHours, Closures.Remove(date), Openings.SetItem(date, hours));
    }

    private static int WeekdayIndex(IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, string.Create(CultureInfo.InvariantCulture, $"{day} is not a weekday; use Monday to Sunday."));
        }

        return (int)day - 1;
    }
}
