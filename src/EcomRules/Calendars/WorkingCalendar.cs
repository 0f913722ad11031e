using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// The derived working calendar: a <see cref="MerchantSchedule"/> applied to <see cref="PublicHolidayCalendar"/>
/// facts, precomputed for every covered day (DSP-1, DSP-4). Immutable and thread-safe; build it once and share it.
/// </summary>
/// <remarks>
/// <para>Working time is a set of half-open intervals [start, end) of instants. Every working interval of the covered
/// years is laid out in one sorted array with a prefix sum of working time, and every day has its first interval
/// and a running count of working days. A query is a binary search plus arithmetic: it never loops over days or
/// minutes and allocates nothing.</para>
/// <para>The covered range runs from the start of 1 January of <see cref="PublicHolidayCalendar.FirstYear"/> to the
/// start of 1 January after <see cref="PublicHolidayCalendar.LastYear"/>, in <see cref="Zone"/>. What lies outside it
/// depends on <see cref="Uncovered"/>: with <see cref="UncoveredYears.Refuse"/> a query outside it throws
/// <see cref="CalendarYearNotCoveredException"/>; with <see cref="UncoveredYears.Provisional"/> the year before and
/// the <see cref="ProvisionalYearsAhead"/> years after it are laid out as ordinary weeks of the schedule (no statutory
/// days off, no make-up days), <see cref="IsProvisional(Instant)"/> tells such instants apart, and only a query beyond
/// them throws.</para>
/// <para>In a zone with daylight saving, local times that do not exist are mapped forward and ambiguous ones to
/// their earlier instant; intervals that would overlap after the mapping are clipped.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly long[] _starts;        // unix nanoseconds of each interval's start
    private readonly long[] _ends;          // unix nanoseconds of each interval's end
    private readonly long[] _prefix;        // working nanoseconds before interval i; last = total
    private readonly int[] _dayFirstInterval; // first interval of day d; length days + 1
    private readonly int[] _workingDaysBefore; // working days before day d; length days + 1
    private static readonly Duration MappingMargin = Duration.FromDays(2);

    /// <summary>How many years after the last covered one a provisional calendar lays out as ordinary weeks.</summary>
    public const int ProvisionalYearsAhead = 2;

    private readonly LocalDate[] _workingDates;
    private readonly WorkingHours[] _hours;
    private readonly int _firstDayNumber;
    private readonly Instant _computedStart;
    private readonly Instant _computedEnd;

    private WorkingCalendar(MerchantSchedule schedule, PublicHolidayCalendar holidays, UncoveredYears uncovered)
    {
        Schedule = schedule;
        Holidays = holidays;
        Uncovered = uncovered;
        Zone = schedule.Zone;
        FirstDate = new LocalDate(holidays.FirstYear, 1, 1);
        LastDate = new LocalDate(holidays.LastYear, 12, 31);
        var provisional = uncovered == UncoveredYears.Provisional;
        FirstComputableDate = provisional && holidays.FirstYear > PublicHolidayYear.MinYear ? new LocalDate(holidays.FirstYear - 1, 1, 1) : FirstDate;
        LastComputableDate = provisional ? new LocalDate(Math.Min(holidays.LastYear + ProvisionalYearsAhead, PublicHolidayYear.MaxYear), 12, 31) : LastDate;
        _firstDayNumber = FirstComputableDate.ToDateOnly().DayNumber;
        var days = LastComputableDate.ToDateOnly().DayNumber - _firstDayNumber + 1;
        CoverageStart = Zone.AtStartOfDay(FirstDate).ToInstant();
        CoverageEnd = Zone.AtStartOfDay(LastDate.PlusDays(1)).ToInstant();
        _computedStart = Zone.AtStartOfDay(FirstComputableDate).ToInstant();
        _computedEnd = Zone.AtStartOfDay(LastComputableDate.PlusDays(1)).ToInstant();

        var starts = new List<long>(days * 2);
        var ends = new List<long>(days * 2);
        var workingDates = new List<LocalDate>(days);
        _hours = new WorkingHours[days];
        _dayFirstInterval = new int[days + 1];
        _workingDaysBefore = new int[days + 1];
        var previousEnd = long.MinValue;
        for (var d = 0; d < days; d++)
        {
            var date = FirstComputableDate.PlusDays(d);
            _dayFirstInterval[d] = starts.Count;
            _workingDaysBefore[d] = workingDates.Count;
            _hours[d] = schedule.HoursOn(date, holidays.Covers(date.Year) ? holidays.GetYear(date.Year) : null);
            foreach (var interval in _hours[d].Intervals)
            {
                var start = Math.Max(ToNanos(Zone.AtLeniently(date + interval.Start).ToInstant()), previousEnd);
                var end = ToNanos(Zone.AtLeniently(date + interval.End).ToInstant());
                if (end > start)
                {
                    starts.Add(start);
                    ends.Add(end);
                    previousEnd = end;
                }
            }

            if (starts.Count > _dayFirstInterval[d])
            {
                workingDates.Add(date);
            }
        }

        _dayFirstInterval[days] = starts.Count;
        _workingDaysBefore[days] = workingDates.Count;
        _starts = [.. starts];
        _ends = [.. ends];
        _workingDates = [.. workingDates];
        _prefix = new long[_starts.Length + 1];
        for (var i = 0; i < _starts.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + (_ends[i] - _starts[i]);
        }
    }

    /// <summary>Gets the zone the calendar works in (the schedule's zone).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the merchant schedule the calendar was built from.</summary>
    public MerchantSchedule Schedule { get; }

    /// <summary>Gets the public calendar facts the calendar was built from.</summary>
    public PublicHolidayCalendar Holidays { get; }

    /// <summary>Gets what the calendar does outside the covered years.</summary>
    public UncoveredYears Uncovered { get; }

    /// <summary>Gets the first covered date (1 January of the first covered year).</summary>
    public LocalDate FirstDate { get; }

    /// <summary>Gets the last covered date (31 December of the last covered year).</summary>
    public LocalDate LastDate { get; }

    /// <summary>Gets the first date a query may reach: <see cref="FirstDate"/>, or 1 January of the year before it when provisional.</summary>
    public LocalDate FirstComputableDate { get; }

    /// <summary>Gets the last date a query may reach: <see cref="LastDate"/>, or 31 December <see cref="ProvisionalYearsAhead"/> years later when provisional.</summary>
    public LocalDate LastComputableDate { get; }

    /// <summary>Gets the start of the covered range: the start of <see cref="FirstDate"/> in <see cref="Zone"/>.</summary>
    public Instant CoverageStart { get; }

    /// <summary>Gets the end of the covered range: the start of the day after <see cref="LastDate"/> in <see cref="Zone"/>.</summary>
    public Instant CoverageEnd { get; }

    /// <summary>Gets the working calendar of the default schedule (DSP-1, DSP-4) and the built-in 2025–2026 facts.
    /// Strict: a query outside 2025–2026 throws (<see cref="UncoveredYears.Refuse"/>).</summary>
    public static WorkingCalendar Default { get; } = Create(MerchantSchedule.Default, ChinaPublicHolidays.Default);

    /// <summary>Builds the strict working calendar of a schedule over every year of the public calendar facts: a query
    /// outside them throws <see cref="CalendarYearNotCoveredException"/>.</summary>
    /// <param name="schedule">The merchant schedule.</param>
    /// <param name="holidays">The public calendar facts.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static WorkingCalendar Create(MerchantSchedule schedule, PublicHolidayCalendar holidays)
        => Create(schedule, holidays, UncoveredYears.Refuse);

    /// <summary>Builds the working calendar of a schedule over the public calendar facts, with the given treatment of
    /// uncovered years (see <see cref="UncoveredYears"/>).</summary>
    /// <param name="schedule">The merchant schedule.</param>
    /// <param name="holidays">The public calendar facts.</param>
    /// <param name="uncovered">What happens outside the covered years.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> or <paramref name="holidays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uncovered"/> is not defined.</exception>
    public static WorkingCalendar Create(MerchantSchedule schedule, PublicHolidayCalendar holidays, UncoveredYears uncovered)
    {
        if (!Enum.IsDefined(uncovered))
        {
            throw new ArgumentOutOfRangeException(nameof(uncovered), uncovered, "Use UncoveredYears.Provisional or UncoveredYears.Refuse.");
        }

        return new(Preconditions.CheckNotNull(schedule), Preconditions.CheckNotNull(holidays), uncovered);
    }

    /// <summary>Returns the same schedule and treatment of uncovered years on other public calendar facts (e.g. with next year added).</summary>
    /// <param name="holidays">The public calendar facts.</param>
    /// <returns>The new calendar, or this one when <paramref name="holidays"/> is the calendar's own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    public WorkingCalendar WithHolidays(PublicHolidayCalendar holidays)
        => ReferenceEquals(Preconditions.CheckNotNull(holidays), Holidays) ? this : new(Schedule, holidays, Uncovered);

    /// <summary>Returns the same calendar with another treatment of uncovered years.</summary>
    /// <param name="uncovered">What happens outside the covered years.</param>
    /// <returns>The new calendar, or this one when the treatment is the same.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uncovered"/> is not defined.</exception>
    public WorkingCalendar WithUncoveredYears(UncoveredYears uncovered)
        => uncovered == Uncovered ? this : Create(Schedule, Holidays, uncovered);

    /// <summary>Gets whether <paramref name="instant"/> lies outside the covered years, where working time is provisional (DSP-1).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether it is before <see cref="CoverageStart"/> or at or after <see cref="CoverageEnd"/>.</returns>
    public bool IsProvisional(Instant instant) => instant < CoverageStart || instant >= CoverageEnd;

    /// <summary>Gets whether <paramref name="date"/> lies outside the covered years (DSP-1).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is before <see cref="FirstDate"/> or after <see cref="LastDate"/>.</returns>
    public bool IsProvisional(LocalDate date) => date < FirstDate || date > LastDate;

    /// <summary>Gets the working hours of a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The hours; <see cref="WorkingHours.Closed"/> on a day without work.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered.</exception>
    public WorkingHours HoursOn(LocalDate date) => _hours[DayIndex(date)];

    /// <summary>Gets whether <paramref name="date"/> has working hours (DSP-1).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a working day.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        var d = DayIndex(date);
        return _dayFirstInterval[d + 1] > _dayFirstInterval[d];
    }

    /// <summary>Gets whether <paramref name="instant"/> is inside a working interval (start inclusive, end exclusive).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether it is working time.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The instant is not covered.</exception>
    public bool IsWorkingInstant(Instant instant)
    {
        var t = CoveredNanos(instant);
        var i = LastStartAtOrBefore(t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>Gets <paramref name="instant"/> itself if it is working time, else the start of the next working interval.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The next working instant.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The instant, or the next working instant, is not covered.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        var t = CoveredNanos(instant);
        var i = LastStartAtOrBefore(t);
        if (i >= 0 && t < _ends[i])
        {
            return instant;
        }

        if (i + 1 >= _starts.Length)
        {
            ThrowAfterLastYear();
        }

        return FromNanos(_starts[i + 1]);
    }

    /// <summary>Gets the working time between two instants: the total length of working intervals inside [start, end).</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The end, not before <paramref name="start"/>.</param>
    /// <returns>The working time.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="CalendarYearNotCoveredException">An instant is not covered.</exception>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        if (end < start)
        {
            ThrowEndBeforeStart(start, end);
        }

        return Duration.FromNanoseconds(WorkedBefore(CoveredNanos(end)) - WorkedBefore(CoveredNanos(start)));
    }

    /// <summary>
    /// Adds working time to an instant: the result is the earliest instant <c>r</c> with
    /// <c>WorkingTimeBetween(start, r) == duration</c>. For a positive duration that is a working instant or the
    /// end of a working interval (a deadline of "15 working minutes" that lands exactly on 12:00 is 12:00, not
    /// 14:00). Adding zero gives <see cref="NextWorkingInstant(Instant)"/>.
    /// </summary>
    /// <param name="start">The instant to start from.</param>
    /// <param name="duration">The working time to add; zero or more.</param>
    /// <returns>The resulting instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The start or the result is not covered.</exception>
    public Instant AddWorkingTime(Instant start, Duration duration)
    {
        if (duration < Duration.Zero)
        {
            ThrowNegative(duration);
        }

        if (duration == Duration.Zero)
        {
            return NextWorkingInstant(start);
        }

        var target = WorkedBefore(CoveredNanos(start)) + duration.ToInt64Nanoseconds();
        if (target > _prefix[^1])
        {
            ThrowAfterLastYear();
        }

        // The interval j with _prefix[j] < target <= _prefix[j + 1].
        var j = FirstPrefixAtOrAfter(target) - 1;
        return FromNanos(_starts[j] + (target - _prefix[j]));
    }

    /// <summary>
    /// Adds working days to a date. For a positive <paramref name="days"/>, the <paramref name="days"/>-th working day
    /// after <paramref name="date"/> (the date itself does not count); for a negative one, the |days|-th working day
    /// before it; for zero, <paramref name="date"/> if it is a working day, else the next working day.
    /// </summary>
    /// <param name="date">The date to start from.</param>
    /// <param name="days">The working days to add; may be negative.</param>
    /// <returns>The working day.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date or the result is not covered.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var d = DayIndex(date);
        var before = _workingDaysBefore[d];
        var isWorking = _workingDaysBefore[d + 1] > before;
        long k = days switch
        {
            0 => before,
            > 0 => before + (isWorking ? 1L : 0L) + days - 1,
            _ => before + (long)days,
        };
        if (k < 0)
        {
            throw new CalendarYearNotCoveredException(FirstComputableDate.Year - 1, Holidays.FirstYear, Holidays.LastYear);
        }

        if (k >= _workingDates.Length)
        {
            ThrowAfterLastYear();
        }

        return _workingDates[k];
    }

    /// <summary>Gets the first working day after <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The next working day.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date or the result is not covered.</exception>
    public LocalDate NextWorkingDay(LocalDate date) => AddWorkingDays(date, 1);

    /// <summary>Gets the last working day before <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The previous working day.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date or the result is not covered.</exception>
    public LocalDate PreviousWorkingDay(LocalDate date) => AddWorkingDays(date, -1);

    /// <summary>Gets the instant work starts on a working day.</summary>
    /// <param name="date">A working day.</param>
    /// <returns>The start of its first working interval.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not a working day.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered.</exception>
    public Instant StartOfWorkingDay(LocalDate date) => FromNanos(_starts[FirstAndLastInterval(date).First]);

    /// <summary>Gets the instant work ends on a working day (SLA-7: "the same working day").</summary>
    /// <param name="date">A working day.</param>
    /// <returns>The end of its last working interval.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not a working day.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date is not covered.</exception>
    public Instant EndOfWorkingDay(LocalDate date) => FromNanos(_ends[FirstAndLastInterval(date).Last]);

    /// <summary>Gets the local date of an instant in <see cref="Zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Its date.</returns>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>Gets the instant of a local date and time in <see cref="Zone"/> (leniently across daylight-saving gaps).</summary>
    /// <param name="date">The date.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>The instant.</returns>
    public Instant InstantOf(LocalDate date, LocalTime time)
        => TryMapUniquely(date + time, out var instant) ? instant : Zone.AtLeniently(date + time).ToInstant();

    // The start of a date in Zone (its midnight, or the first instant after a gap), without NodaTime's mapping object
    // when midnight maps to one instant.
    internal Instant StartOfDay(LocalDate date)
        => TryMapUniquely(date.AtMidnight(), out var instant) ? instant : Zone.AtStartOfDay(date).ToInstant();

    // Zone.AtLeniently and AtStartOfDay allocate a mapping per call. Offsets differ by less than two days, so when one
    // zone interval spans two days either side of the guess, the local time has exactly that one instant.
    private bool TryMapUniquely(LocalDateTime local, out Instant instant)
    {
        var offset = Zone.GetUtcOffset(local.InUtc().ToInstant());
        instant = local.WithOffset(offset).ToInstant();
        var interval = Zone.GetZoneInterval(instant);
        return interval.WallOffset == offset
            && (!interval.HasStart || interval.Start <= instant - MappingMargin)
            && (!interval.HasEnd || interval.End > instant + MappingMargin);
    }

    private static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    private static Instant FromNanos(long nanos) => NodaConstants.UnixEpoch.PlusNanoseconds(nanos);

    [DoesNotReturn]
    private static void ThrowEndBeforeStart(Instant start, Instant end)
        => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The end {end} is before the start {start}; pass the earlier instant first."), nameof(end));

    [DoesNotReturn]
    private static void ThrowNegative(Duration duration)
        => throw new ArgumentOutOfRangeException(nameof(duration), duration, "Working time to add must not be negative.");

    private (int First, int Last) FirstAndLastInterval(LocalDate date)
    {
        var d = DayIndex(date);
        var first = _dayFirstInterval[d];
        var last = _dayFirstInterval[d + 1] - 1;
        Preconditions.CheckArgument(last >= first, nameof(date),
            string.Create(CultureInfo.InvariantCulture, $"{date:uuuu-MM-dd} is not a working day; use NextWorkingDay first."));
        return (first, last);
    }

    private int DayIndex(LocalDate date)
    {
        var d = date.ToDateOnly().DayNumber - _firstDayNumber;
        if ((uint)d >= (uint)_hours.Length)
        {
            throw new CalendarYearNotCoveredException(date.Year, Holidays.FirstYear, Holidays.LastYear);
        }

        return d;
    }

    private long CoveredNanos(Instant instant)
    {
        if (instant < _computedStart || instant > _computedEnd)
        {
            throw new CalendarYearNotCoveredException(instant.InZone(Zone).Year, Holidays.FirstYear, Holidays.LastYear);
        }

        return ToNanos(instant);
    }

    [DoesNotReturn]
    private void ThrowAfterLastYear()
        => throw new CalendarYearNotCoveredException(LastComputableDate.Year + 1, Holidays.FirstYear, Holidays.LastYear);

    // Working nanoseconds from the start of the covered range to t.
    private long WorkedBefore(long t)
    {
        var i = LastStartAtOrBefore(t);
        return i < 0 ? 0 : _prefix[i] + Math.Min(t - _starts[i], _ends[i] - _starts[i]);
    }

    // Index of the last interval starting at or before t, or -1.
    private int LastStartAtOrBefore(long t)
    {
        int lo = 0, hi = _starts.Length; // invariant: answer + 1 in [lo, hi]
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_starts[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }

    // Smallest k with _prefix[k] >= target (target > 0, so k >= 1).
    private int FirstPrefixAtOrAfter(long target)
    {
        int lo = 0, hi = _prefix.Length - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_prefix[mid] < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
