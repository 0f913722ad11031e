using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// The dispatch deadline of ORD-3: an order that goes by courier ships within N days of payment, counted in calendar
/// days or in working days. Immutable.
/// </summary>
public sealed class DispatchDeadlinePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="days">The days; 1–365. The default is 3.</param>
    /// <param name="count">How days are counted. The default is <see cref="DispatchDayCount.CalendarDays"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1–365, or <paramref name="count"/> is not defined.</exception>
    public DispatchDeadlinePolicy(int days = 3, DispatchDayCount count = DispatchDayCount.CalendarDays)
    {
        Preconditions.CheckArgumentRange(days, 1, 365);
        if (!Enum.IsDefined(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"{count} is not a way of counting days."));
        }

        Days = days;
        Count = count;

        // ORD-3: "within 3 days of payment".
        Deadline = count == DispatchDayCount.WorkingDays ? Deadline.WorkingDays(days) : Deadline.Elapsed(Duration.FromDays(days));
    }

    /// <summary>Gets the ORD-3 default: 3 calendar days.</summary>
    public static DispatchDeadlinePolicy Default { get; } = new();

    /// <summary>Gets the days.</summary>
    /// <value>The default is 3.</value>
    public int Days { get; }

    /// <summary>Gets how the days are counted.</summary>
    /// <value>The default is <see cref="DispatchDayCount.CalendarDays"/>.</value>
    public DispatchDayCount Count { get; }

    /// <summary>Gets the deadline: elapsed N × 24 h, or the end of the N-th working day.</summary>
    public Deadline Deadline { get; }

    /// <summary>Gets the instant an order paid at <paramref name="paidAt"/> must have shipped by.</summary>
    /// <param name="paidAt">When the order was paid.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The dispatch deadline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the payment or the deadline.</exception>
    public Instant DueFrom(Instant paidAt, WorkingCalendar calendar) => Deadline.DueFrom(paidAt, calendar);
}
