using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// The working intervals of one day, sorted and not overlapping, e.g. 08:30–12:00 and 14:00–18:00 (DSP-4).
/// Immutable. <see cref="Closed"/> has no intervals.
/// </summary>
public sealed class WorkingHours : IEquatable<WorkingHours>
{
    private WorkingHours(ImmutableArray<WorkingInterval> intervals) => Intervals = intervals;

    /// <summary>Gets a day without work.</summary>
    public static WorkingHours Closed { get; } = new([]);

    /// <summary>Gets the standard staff hours of DSP-4: 08:30–12:00 and 14:00–18:00.</summary>
    public static WorkingHours Standard { get; } = Of(
        new WorkingInterval(new LocalTime(8, 30), new LocalTime(12, 0)),
        new WorkingInterval(new LocalTime(14, 0), new LocalTime(18, 0)));

    /// <summary>Gets the intervals, in ascending order.</summary>
    public ImmutableArray<WorkingInterval> Intervals { get; }

    /// <summary>Gets whether the day has no working interval.</summary>
    public bool IsClosed => Intervals.IsEmpty;

    /// <summary>Gets the total working time of the day.</summary>
    public Duration Total => Intervals.Aggregate(Duration.Zero, (sum, i) => sum + i.Length);

    /// <summary>Creates working hours from intervals.</summary>
    /// <param name="intervals">The intervals, in any order; they must not overlap (touching is allowed).</param>
    /// <returns>The working hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> is null.</exception>
    /// <exception cref="ArgumentException">Two intervals overlap.</exception>
    public static WorkingHours Of(params IEnumerable<WorkingInterval> intervals)
    {
        Preconditions.CheckNotNull(intervals);
        var sorted = intervals.OrderBy(i => i.Start).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            Preconditions.CheckArgument(sorted[i].Start >= sorted[i - 1].End, nameof(intervals),
                $"The working intervals {sorted[i - 1]} and {sorted[i]} overlap; make each start at or after the end of the one before.");
        }

        return sorted.IsEmpty ? Closed : new WorkingHours(sorted);
    }

    /// <summary>Creates working hours from pairs of hours and minutes, e.g. <c>Of((8, 30, 12, 0), (14, 0, 18, 0))</c>.</summary>
    /// <param name="intervals">The intervals as (start hour, start minute, end hour, end minute).</param>
    /// <returns>The working hours.</returns>
    /// <exception cref="ArgumentException">An interval ends before it starts, or two intervals overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An hour or minute is out of range.</exception>
    public static WorkingHours Of(params IEnumerable<(int StartHour, int StartMinute, int EndHour, int EndMinute)> intervals)
    {
        Preconditions.CheckNotNull(intervals);
        return Of(intervals.Select(i => new WorkingInterval(new LocalTime(i.StartHour, i.StartMinute), new LocalTime(i.EndHour, i.EndMinute))));
    }

    /// <summary>Gets whether <paramref name="time"/> is inside one of the intervals.</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether it is working time.</returns>
    public bool Contains(LocalTime time) => Intervals.Any(i => i.Contains(time));

    /// <inheritdoc />
    public bool Equals(WorkingHours? other) => other is not null && Intervals.SequenceEqual(other.Intervals);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WorkingHours);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var interval in Intervals)
        {
            hash.Add(interval);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => IsClosed ? "closed" : string.Join(", ", Intervals);
}
