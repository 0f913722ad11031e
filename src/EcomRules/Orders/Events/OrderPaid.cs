using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The order was paid; its dispatch date (DSP-2, DSP-3), dispatch deadline (ORD-3) and invoice batch (INV-2) are set.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Amount">The amount paid.</param>
/// <param name="DispatchDate">The date it ships (DSP-2, DSP-3).</param>
/// <param name="DispatchDeadline">The latest dispatch (ORD-3).</param>
/// <param name="InvoiceBatchDate">The invoice batch (INV-2).</param>
public sealed record OrderPaid(AggregateKey Source, Instant At, Money Amount, LocalDate DispatchDate, Instant DispatchDeadline, LocalDate InvoiceBatchDate) : DomainEvent(Source, At);
