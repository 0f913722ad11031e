using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>A tracking event came back from the carrier (CAR-3, ORD-4).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Kind">What happened.</param>
public sealed record TrackingEventRecorded(AggregateKey Source, Instant At, TrackingEventKind Kind) : DomainEvent(Source, At);
