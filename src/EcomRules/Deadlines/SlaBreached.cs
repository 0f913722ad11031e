using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Deadlines;

/// <summary>An SLA timer is still running past its breach instant (SLA-8); raised by the timer scheduler's breach timer.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When the breach was observed (the breach timer's due instant).</param>
/// <param name="SlaId">The SLA, such as SLA-1.</param>
/// <param name="BreachAt">When the SLA was breached.</param>
public sealed record SlaBreached(AggregateKey Source, Instant At, string SlaId, Instant BreachAt) : DomainEvent(Source, At);
