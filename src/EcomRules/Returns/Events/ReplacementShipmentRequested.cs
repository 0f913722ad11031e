using System.Collections.Immutable;
using EcomRules.Engine;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>An exchange ships a replacement instead of refunding (RET-5).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="From">The warehouse that ships it.</param>
/// <param name="Lines">The items and units to replace.</param>
public sealed record ReplacementShipmentRequested(AggregateKey Source, Instant At, WarehouseId From, ImmutableArray<ReturnLine> Lines) : DomainEvent(Source, At);
