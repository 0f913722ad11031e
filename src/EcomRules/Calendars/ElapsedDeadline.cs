using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>A deadline a fixed duration after the start, whatever the working calendar (SLA-6: 24 hours).</summary>
public sealed class ElapsedDeadline : Deadline
{
    internal ElapsedDeadline(Duration duration)
    {
        DeadlineChecks.NotNegative(duration);
        Duration = duration;
    }

    /// <summary>Gets the duration.</summary>
    public Duration Duration { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Duration.TotalHours:0.##} h elapsed");

    private protected override Instant Compute(Instant start, WorkingCalendar calendar) => start + Duration;
}
