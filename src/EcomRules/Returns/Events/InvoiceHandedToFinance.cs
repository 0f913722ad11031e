using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The invoice that came back with the goods was handed to finance (RET-4, INV-3).</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="InvoiceNumber">The order's invoice number, or null when none was issued.</param>
public sealed record InvoiceHandedToFinance(AggregateKey Source, Instant At, string? InvoiceNumber) : DomainEvent(Source, At);
