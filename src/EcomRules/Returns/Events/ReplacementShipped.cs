using EcomRules.Commands;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>A carrier took the replacement or the repaired goods, with a tracking number (RET-5, CAR-3).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Carrier">The carrier (the preferred one or a backup, CAR-2).</param>
/// <param name="TrackingNumber">The tracking number.</param>
public sealed record ReplacementShipped(AggregateKey Source, Instant At, CarrierId Carrier, string TrackingNumber) : DomainEvent(Source, At);
