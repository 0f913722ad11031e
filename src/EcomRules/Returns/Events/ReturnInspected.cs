using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The warehouse inspected goods and invoice (RET-4): passed, received; or failed, parcel refused and negotiation opened.</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="GoodsPassed">Whether the goods met the receiving conditions.</param>
/// <param name="InvoiceReturned">Whether the invoice came back.</param>
/// <param name="Notes">The inspection notes.</param>
public sealed record ReturnInspected(AggregateKey Source, Instant At, bool GoodsPassed, bool InvoiceReturned, string? Notes) : DomainEvent(Source, At);
