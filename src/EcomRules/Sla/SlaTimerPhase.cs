namespace EcomRules.Sla;

/// <summary>The phase of an <see cref="SlaTimer"/>'s current cycle, from its events alone.</summary>
public enum SlaTimerPhase
{
    /// <summary>Started or resumed: time counts.</summary>
    Running = 0,

    /// <summary>Paused: time does not count.</summary>
    Paused = 1,

    /// <summary>Stopped: the goal was reached; no further operation is allowed.</summary>
    Stopped = 2,

    /// <summary>Cancelled: the SLA no longer applies; no further operation is allowed.</summary>
    Cancelled = 3,
}
