using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// A durable deadline of an aggregate that was computed on provisional calendar days: it falls in (or was reached
/// through) a year the public-holiday calendar had no data for, counted as ordinary weeks
/// (<see cref="Calendars.UncoveredYears.Provisional"/>, DSP-1). It is recomputed on the real calendar when the
/// year's data is added (<see cref="RecomputeDeadlines"/>, SLA-8).
/// </summary>
/// <param name="TimerId">The durable timer that carries the deadline.</param>
/// <param name="Kind">The timer's kind, e.g. <c>sla-breach</c> or <c>dispatch-deadline</c>.</param>
/// <param name="DueAt">The provisional due instant.</param>
public sealed record ProvisionalDeadline(string TimerId, string Kind, Instant DueAt);
