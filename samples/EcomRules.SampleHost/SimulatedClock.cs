using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>The trading period's clock: it jumps from one simulated event to the next, so days pass in seconds.</summary>
internal sealed class SimulatedClock : IClock
{
    private Instant _now;

    public SimulatedClock(Instant start) => _now = start;

    public Instant GetCurrentInstant() => _now;

    public void AdvanceTo(Instant instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }
}
