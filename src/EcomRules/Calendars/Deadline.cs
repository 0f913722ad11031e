using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// When something is due, counted from a start instant on a <see cref="WorkingCalendar"/>. Three kinds:
/// <see cref="ElapsedDeadline"/> (24 hours whatever the calendar), <see cref="WorkingDeadline"/> (15 working minutes,
/// 3 working days) and <see cref="RelativeDeadline"/> (09:00 the next working day, end of the working day, the
/// DSP-5 dispatch batches). Immutable and thread-safe.
/// </summary>
public abstract class Deadline
{
    private protected Deadline()
    {
    }

    /// <summary>Creates an elapsed deadline: <paramref name="duration"/> after the start, whatever the calendar.</summary>
    /// <param name="duration">The duration; zero or more.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static ElapsedDeadline Elapsed(Duration duration) => new(duration);

    /// <summary>Creates a working-time deadline: <paramref name="duration"/> of working time after the start (DSP-4).</summary>
    /// <param name="duration">The working time; zero or more.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static WorkingDeadline WorkingTime(Duration duration) => WorkingDeadline.OfTime(duration);

    /// <summary>Creates a working-days deadline: the end of the <paramref name="days"/>-th working day after the start's date.</summary>
    /// <param name="days">The working days; one or more.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than one.</exception>
    public static WorkingDeadline WorkingDays(int days) => WorkingDeadline.OfDays(days);

    /// <summary>Creates a relative deadline: <paramref name="time"/> on the first working day after the start's date (SLA-5).</summary>
    /// <param name="time">The time of day, e.g. 09:00.</param>
    /// <returns>The deadline.</returns>
    public static RelativeDeadline NextWorkingDayAt(LocalTime time) => RelativeDeadline.CreateNextWorkingDayAt(time);

    /// <summary>Gets the relative deadline "the same working day" (SLA-7): the end of the start's working day, or of the next
    /// working day when the start is after work or on a day without work.</summary>
    public static RelativeDeadline EndOfWorkingDay => RelativeDeadline.EndOfWorkingDayInstance;

    /// <summary>Creates the relative deadline of the DSP-5 dispatch batches.</summary>
    /// <param name="batches">The batch times; null for the default 12:00 and 15:00.</param>
    /// <returns>The deadline.</returns>
    public static RelativeDeadline Batch(DispatchBatch? batches = null) => RelativeDeadline.CreateBatch(batches ?? DispatchBatch.Default);

    /// <summary>Computes when something that starts at <paramref name="start"/> is due.</summary>
    /// <param name="start">The start.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The due instant; never before <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the start or the due instant.</exception>
    public Instant DueFrom(Instant start, WorkingCalendar calendar) => Compute(start, Preconditions.CheckNotNull(calendar));

    private protected abstract Instant Compute(Instant start, WorkingCalendar calendar);
}
