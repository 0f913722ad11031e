using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Provisional deadlines of an aggregate were computed again on the real calendar after a year's public-holiday data
/// was added (SLA-8, DSP-1); the durable timers were moved to the new instants.
/// </summary>
/// <param name="Source">The aggregate.</param>
/// <param name="At">When they were recomputed.</param>
/// <param name="Notice">Why: the notice whose data was added.</param>
/// <param name="Deadlines">Each deadline with its old and new instant.</param>
public sealed record DeadlinesRecomputed(AggregateKey Source, Instant At, string Notice, ImmutableArray<RecomputedDeadline> Deadlines) : DomainEvent(Source, At);
