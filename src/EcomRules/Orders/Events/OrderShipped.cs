using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The parcel was handed to the carrier with a tracking number (ORD-1, CAR-3).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Carrier">The carrier.</param>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="OnTime">Whether it left by the dispatch deadline (ORD-3).</param>
public sealed record OrderShipped(AggregateKey Source, Instant At, CarrierId Carrier, string TrackingNumber, bool OnTime) : DomainEvent(Source, At);
