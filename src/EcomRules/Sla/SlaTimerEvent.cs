using NodaTime;

namespace EcomRules.Sla;

/// <summary>One event of an <see cref="SlaTimer"/>'s history.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">Why, if given (e.g. "waiting for the customer's photos").</param>
public readonly record struct SlaTimerEvent(SlaTimerEventKind Kind, Instant At, string? Reason = null);
