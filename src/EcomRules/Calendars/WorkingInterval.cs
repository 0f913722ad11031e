using System.Globalization;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// A half-open interval of local time inside one day, [<see cref="Start"/>, <see cref="End"/>), such as 08:30–12:00
/// (DSP-4). An interval never runs past midnight.
/// </summary>
public readonly record struct WorkingInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="start">The first working moment.</param>
    /// <param name="end">The first moment after work; later than <paramref name="start"/> on the same day.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>; an interval
    /// that runs past midnight must be split into two days (use extra openings).</exception>
    public WorkingInterval(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The working interval {start:HH:mm:ss}–{end:HH:mm:ss} ends before it starts or runs past midnight; give an end later than the start on the same day."),
                nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the first working moment.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the first moment after work.</summary>
    public LocalTime End { get; }

    /// <summary>Gets the length of the interval.</summary>
    public Duration Length => Duration.FromNanoseconds(End.NanosecondOfDay - Start.NanosecondOfDay);

    /// <summary>Gets whether <paramref name="time"/> is inside the interval (start inclusive, end exclusive).</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether it is inside.</returns>
    public bool Contains(LocalTime time) => time >= Start && time < End;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}–{End:HH:mm}");
}
