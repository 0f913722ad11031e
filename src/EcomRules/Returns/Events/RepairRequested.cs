using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The goods go to repair free of charge (RET-5).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Lines">The items and units to repair.</param>
public sealed record RepairRequested(AggregateKey Source, Instant At, ImmutableArray<ReturnLine> Lines) : DomainEvent(Source, At);
