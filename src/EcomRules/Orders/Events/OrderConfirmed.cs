using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The customer was identified (CUS-3) and the sales order entered.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Customer">The known customer matched, or null for a new customer.</param>
public sealed record OrderConfirmed(AggregateKey Source, Instant At, CustomerId? Customer) : DomainEvent(Source, At);
