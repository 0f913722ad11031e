using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The customer shipped goods and invoice back to the dispatching warehouse (RET-4).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="To">The warehouse that dispatched the order.</param>
/// <param name="TrackingNumber">The return parcel's tracking number.</param>
/// <param name="ReturnFreight">The freight the customer paid (RET-6).</param>
public sealed record ReturnShipped(AggregateKey Source, Instant At, WarehouseId To, string TrackingNumber, Money ReturnFreight) : DomainEvent(Source, At);
