using EcomRules.Commands;

namespace EcomRules.Ports;

/// <summary>Asks for a red-letter credit note against an invoice for a refund (INV-3).</summary>
/// <param name="IdempotencyKey">Unique per request; a repeat must not issue a second credit note.</param>
/// <param name="Refund">The refund the credit note is for.</param>
/// <param name="InvoiceNumber">The original invoice.</param>
/// <param name="Amount">The amount to credit.</param>
public sealed record CreditNoteRequest(string IdempotencyKey, AggregateKey Refund, string InvoiceNumber, Money Amount);
