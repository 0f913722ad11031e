using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// A clock that returns a set instant and moves only when told (NodaTime.Testing's <c>FakeClock</c> is not
/// available everywhere). Thread-safe.
/// </summary>
public sealed class FakeClock : IClock
{
    private readonly Lock _gate = new();
    private Instant _now;

    /// <summary>Creates a clock at <paramref name="now"/>.</summary>
    /// <param name="now">The starting instant.</param>
    public FakeClock(Instant now) => _now = now;

    /// <summary>Creates a clock at a local date and time in Asia/Shanghai.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <param name="hour">The hour.</param>
    /// <param name="minute">The minute.</param>
    /// <returns>The clock.</returns>
    public static FakeClock AtShanghai(int year, int month, int day, int hour = 0, int minute = 0)
        => new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

    /// <inheritdoc />
    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward (or back, for a negative duration).</summary>
    /// <param name="duration">How far.</param>
    public void Advance(Duration duration)
    {
        lock (_gate)
        {
            _now += duration;
        }
    }

    /// <summary>Sets the clock.</summary>
    /// <param name="now">The new instant.</param>
    public void Reset(Instant now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }
}
