using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The returned goods were confirmed and stocked in (RET-4, SLA-7).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Warehouse">The warehouse.</param>
/// <param name="Lines">The items and units stocked in.</param>
public sealed record ReturnRestocked(AggregateKey Source, Instant At, WarehouseId Warehouse, ImmutableArray<ReturnLine> Lines) : DomainEvent(Source, At);
