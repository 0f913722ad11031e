using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// The two daily order-processing batches of DSP-5: by the first batch time (12:00) finish the orders that arrived
/// after the second batch time (15:00) of the previous working day and before 12:00 today; by the second batch time
/// finish those from 12:00 to 15:00. Immutable.
/// </summary>
/// <remarks>An order arriving exactly at a batch time belongs to the next window: 12:00:00 is "not before 12:00".
/// An order arriving on a day without work is due at the first batch of the next working day.</remarks>
public sealed class DispatchBatch
{
    /// <summary>Creates batch times.</summary>
    /// <param name="first">The first batch time.</param>
    /// <param name="second">The second batch time; after <paramref name="first"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="second"/> is not after <paramref name="first"/>.</exception>
    public DispatchBatch(LocalTime first, LocalTime second)
    {
        Preconditions.CheckArgument(second > first, nameof(second),
            string.Create(CultureInfo.InvariantCulture, $"The second batch time {second:HH:mm} must be after the first {first:HH:mm}."));
        First = first;
        Second = second;
    }

    /// <summary>Gets the DSP-5 batches: 12:00 and 15:00.</summary>
    public static DispatchBatch Default { get; } = new(new LocalTime(12, 0), new LocalTime(15, 0));

    /// <summary>Gets the first batch time.</summary>
    /// <value>The default is 12:00.</value>
    public LocalTime First { get; }

    /// <summary>Gets the second batch time.</summary>
    /// <value>The default is 15:00.</value>
    public LocalTime Second { get; }

    /// <summary>Gets when an order that arrived at <paramref name="arrivedAt"/> must be processed (DSP-5).</summary>
    /// <param name="arrivedAt">When the order arrived.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The batch deadline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the instant or the deadline.</exception>
    public Instant DueFor(Instant arrivedAt, WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        var local = arrivedAt.InZone(calendar.Zone).LocalDateTime;
        if (calendar.IsWorkingDay(local.Date))
        {
            // DSP-5: before 12:00 → the 12:00 batch; 12:00–15:00 → the 15:00 batch.
            if (local.TimeOfDay < First)
            {
                return calendar.InstantOf(local.Date, First);
            }

            if (local.TimeOfDay < Second)
            {
                return calendar.InstantOf(local.Date, Second);
            }
        }

        // DSP-5: after 15:00 (or on a day without work) → the 12:00 batch of the next working day.
        return calendar.InstantOf(calendar.NextWorkingDay(local.Date), First);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"dispatch batches {First:HH:mm} and {Second:HH:mm}");
}
