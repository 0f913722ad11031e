using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>Service staff accepted or rejected the request with a reason (RET-3); SLA-6 stopped.</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Accepted">Whether it was accepted.</param>
/// <param name="Reason">Why.</param>
public sealed record ReturnDecided(AggregateKey Source, Instant At, bool Accepted, string Reason) : DomainEvent(Source, At);
