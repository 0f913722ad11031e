using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The invoice was issued for goods and freight (INV-1).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="InvoiceNumber">The invoice number.</param>
/// <param name="Amount">The amount invoiced.</param>
public sealed record OrderInvoiced(AggregateKey Source, Instant At, string InvoiceNumber, Money Amount) : DomainEvent(Source, At);
