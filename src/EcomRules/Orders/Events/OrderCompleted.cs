using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The return window closed with no open return (ORD-1).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
public sealed record OrderCompleted(AggregateKey Source, Instant At) : DomainEvent(Source, At);
