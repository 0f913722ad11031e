namespace EcomRules.Sla;

/// <summary>The state an SLA timer reports at an instant (SLA-8).</summary>
public enum SlaState
{
    /// <summary>Open and counting, not past its breach instant.</summary>
    Running = 0,

    /// <summary>Open and paused, not past its breach instant.</summary>
    Paused = 1,

    /// <summary>Stopped at or before its breach instant.</summary>
    Met = 2,

    /// <summary>Still open past its breach instant, or stopped after it.</summary>
    Breached = 3,

    /// <summary>Cancelled: no longer measured.</summary>
    Cancelled = 4,
}
