using System.Globalization;

namespace EcomRules.Sla;

/// <summary>
/// Thrown when an operation is not allowed on an SLA timer in its phase (SLA-8): pause when paused, resume when
/// running, anything after stop or cancel, or an event earlier than the last one. Nothing was changed.
/// </summary>
public sealed class InvalidSlaOperationException : RuleViolationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="slaId">The SLA's id.</param>
    /// <param name="phase">The timer's phase.</param>
    /// <param name="operation">The refused operation.</param>
    /// <param name="reason">Why it was refused, as a sentence.</param>
    public InvalidSlaOperationException(string slaId, SlaTimerPhase phase, SlaTimerEventKind operation, string reason)
        : base(RuleIds.Sla8, string.Create(CultureInfo.InvariantCulture, $"Cannot {Verb(operation)} SLA timer '{slaId}' while it is {phase.ToString().ToLowerInvariant()}: {reason}"))
    {
        SlaId = slaId;
        Phase = phase;
        Operation = operation;
    }

    /// <summary>Gets the SLA's id.</summary>
    public string SlaId { get; }

    /// <summary>Gets the timer's phase when the operation was refused.</summary>
    public SlaTimerPhase Phase { get; }

    /// <summary>Gets the refused operation.</summary>
    public SlaTimerEventKind Operation { get; }

    private static string Verb(SlaTimerEventKind operation) => operation switch
    {
        SlaTimerEventKind.Paused => "pause",
        SlaTimerEventKind.Resumed => "resume",
        SlaTimerEventKind.Stopped => "stop",
        SlaTimerEventKind.Cancelled => "cancel",
        SlaTimerEventKind.Reset => "reset",
        _ => "start",
    };
}
