using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>A paid order was neither shipped nor cancelled by its dispatch deadline (ORD-3); raised by the timer scheduler.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When the miss was observed (the deadline timer's due instant).</param>
/// <param name="Deadline">The dispatch deadline.</param>
public sealed record DispatchDeadlineMissed(AggregateKey Source, Instant At, Instant Deadline) : DomainEvent(Source, At);
