using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The buyer cancelled before receipt; the full amount paid is refunded (ORD-2).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Refund">The refund: everything paid.</param>
/// <param name="InterceptParcel">Whether the parcel must be intercepted or returned (cancelled after shipment).</param>
public sealed record OrderCancelled(AggregateKey Source, Instant At, Money Refund, bool InterceptParcel) : DomainEvent(Source, At);
