namespace EcomRules.Sla;

/// <summary>What happened to an SLA timer.</summary>
public enum SlaTimerEventKind
{
    /// <summary>The timer started (possibly retroactively).</summary>
    Started = 0,

    /// <summary>The timer paused, e.g. waiting for the customer.</summary>
    Paused = 1,

    /// <summary>The timer resumed.</summary>
    Resumed = 2,

    /// <summary>The goal was reached.</summary>
    Stopped = 3,

    /// <summary>The SLA no longer applies.</summary>
    Cancelled = 4,

    /// <summary>A new cycle started; the earlier history is kept but no longer measured.</summary>
    Reset = 5,
}
