using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The customer signed for the order; the return window runs (RET-2).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="ReturnWindowClosesAt">When the last return window closes.</param>
public sealed record OrderReceived(AggregateKey Source, Instant At, Instant ReturnWindowClosesAt) : DomainEvent(Source, At);
