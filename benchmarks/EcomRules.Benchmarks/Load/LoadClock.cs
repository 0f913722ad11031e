using System.Diagnostics;
using NodaTime;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// The instant the load and growth modes' commands carry: 11 November 2026, 09:00 China time (01:00 UTC, working
/// hours) plus the real time elapsed since the clock was made, as a host's clock would give. One fixed instant would
/// give every order the same due instants, and the timers' indexes would take each order's entries in the middle of a
/// tie (in timer-ID order) instead of at its end: the case of a peak outside working hours, where a working-time SLA
/// gives every order placed the same due instant (about 7.7 pages per save at 64 clients instead of 5.5).
/// </summary>
/// <remarks>A run longer than three hours reaches the lunch break (12:00), where such ties return.</remarks>
internal sealed class LoadClock
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 11, 1, 0);
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Gets the current instant: the start plus the time elapsed since this clock was made.</summary>
    public Instant Now => Start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(_started));
}
