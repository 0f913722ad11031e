using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>Operations approved, or the chairman signed off, a procurement request (WH-5).</summary>
/// <param name="Source">The request.</param>
/// <param name="At">When.</param>
/// <param name="ActorId">Who signed.</param>
/// <param name="Role">The role they signed in.</param>
/// <param name="State">The request's state after the signature.</param>
public sealed record ProcurementSigned(AggregateKey Source, Instant At, string ActorId, ActorRole Role, ProcurementState State) : DomainEvent(Source, At);
