using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Deadlines of an aggregate were computed on provisional calendar days: a year without public-holiday data, counted
/// as ordinary weeks (DSP-1, <see cref="Calendars.UncoveredYears.Provisional"/>). They are recomputed when the year's
/// data is added.
/// </summary>
/// <param name="Source">The aggregate.</param>
/// <param name="At">When the deadlines were computed.</param>
/// <param name="Deadlines">The provisional deadlines.</param>
public sealed record DeadlinesProvisional(AggregateKey Source, Instant At, ImmutableArray<ProvisionalDeadline> Deadlines) : DomainEvent(Source, At);
