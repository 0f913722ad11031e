using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// The domain event <see cref="StoreContract"/> puts in the outbox: compared by value, so a durable adapter that
/// serializes events passes as long as what it reads equals what it saved.
/// </summary>
/// <param name="Source">The aggregate that raised it.</param>
/// <param name="At">When.</param>
/// <param name="Note">A note.</param>
public sealed record ContractEvent(AggregateKey Source, Instant At, string Note) : DomainEvent(Source, At);
