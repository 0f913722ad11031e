using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>A follow-up visit (回访) with the customer is due (ORD-5).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
public sealed record FollowUpVisitRequested(AggregateKey Source, Instant At) : DomainEvent(Source, At);
