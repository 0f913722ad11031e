using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The case ended and was archived (RET-7).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record ReturnArchived(AggregateKey Source, Instant At, ReturnOutcome Outcome) : DomainEvent(Source, At);
