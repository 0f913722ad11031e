using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ports;

/// <summary>Asks the invoicing system for an invoice covering goods and freight (INV-1), in a daily batch (INV-2).</summary>
/// <param name="IdempotencyKey">Unique per request; a repeat with the same key must not issue a second invoice.</param>
/// <param name="Order">The order.</param>
/// <param name="BuyerName">The buyer (company or person) the invoice is made out to.</param>
/// <param name="BuyerTaxId">The business buyer's unified social credit code, or null for a private buyer.</param>
/// <param name="Goods">The goods amount.</param>
/// <param name="Freight">The freight amount.</param>
/// <param name="BatchDate">The invoice batch (INV-2).</param>
public sealed record InvoiceRequest(string IdempotencyKey, AggregateKey Order, string BuyerName, string? BuyerTaxId, Money Goods, Money Freight, LocalDate BatchDate)
{
    /// <summary>Gets the invoice total: goods plus freight (INV-1).</summary>
    public Money Total => Goods + Freight;

    /// <summary>Returns the request without the buyer's name, for logs (SEC-1).</summary>
    /// <returns>A description without personal data.</returns>
    public override string ToString() => $"invoice {IdempotencyKey} for {Order}: {Total} (batch {BatchDate:yyyy-MM-dd})";
}
