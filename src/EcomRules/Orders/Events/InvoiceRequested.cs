using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>An invoice for goods and freight is to be issued (INV-1) in the day's batch (INV-2); the outbox dispatcher asks the invoice issuer.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="BuyerName">Who the invoice is made out to.</param>
/// <param name="BuyerTaxId">The business buyer's credit code, or null.</param>
/// <param name="Goods">The goods amount.</param>
/// <param name="Freight">The freight.</param>
/// <param name="BatchDate">The invoice batch (INV-2).</param>
public sealed record InvoiceRequested(AggregateKey Source, Instant At, string BuyerName, string? BuyerTaxId, Money Goods, Money Freight, LocalDate BatchDate) : DomainEvent(Source, At)
{
    /// <summary>Describes the event without personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"InvoiceRequested for {Source} at {At}";
}
