using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The three-way negotiation (customer, service, warehouse) ended (RET-4).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Accepted">Whether the goods were accepted after all.</param>
/// <param name="Reason">The agreed outcome.</param>
public sealed record NegotiationResolved(AggregateKey Source, Instant At, bool Accepted, string Reason) : DomainEvent(Source, At);
