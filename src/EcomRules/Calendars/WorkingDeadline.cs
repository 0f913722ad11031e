using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// A deadline counted on the working calendar: either an amount of working time (SLA-1: 15 working minutes), due at
/// <see cref="WorkingCalendar.AddWorkingTime(Instant, Duration)"/>, or a number of working days, due at the end of
/// the n-th working day after the start's date (ORD-3 in working-day mode).
/// </summary>
public sealed class WorkingDeadline : Deadline
{
    private WorkingDeadline(Duration? time, int? days)
    {
        Time = time;
        Days = days;
    }

    /// <summary>Gets the working time, or null for a working-days deadline.</summary>
    public Duration? Time { get; }

    /// <summary>Gets the working days, or null for a working-time deadline.</summary>
    public int? Days { get; }

    /// <inheritdoc />
    public override string ToString() => Time is { } time
        ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalMinutes:0.##} working minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{Days} working days");

    internal static WorkingDeadline OfTime(Duration duration)
    {
        DeadlineChecks.NotNegative(duration);
        return new(duration, null);
    }

    internal static WorkingDeadline OfDays(int days)
    {
        Preconditions.CheckArgumentRange(days, 1, 3660);
        return new(null, days);
    }

    private protected override Instant Compute(Instant start, WorkingCalendar calendar)
        => Time is { } time
            ? calendar.AddWorkingTime(start, time)
            : calendar.EndOfWorkingDay(calendar.AddWorkingDays(calendar.DateOf(start), Days!.Value));
}
