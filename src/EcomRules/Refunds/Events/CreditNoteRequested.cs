using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds.Events;

/// <summary>
/// A red-letter credit note is to be issued against the order's invoice (INV-3). The outbox dispatcher calls
/// <see cref="Ports.IInvoiceIssuer.IssueCreditNoteAsync"/> with <see cref="IdempotencyKey"/>; the issued number is
/// recorded later with <see cref="RecordCreditNote"/>.
/// </summary>
/// <param name="Source">The refund.</param>
/// <param name="At">When.</param>
/// <param name="IdempotencyKey">The key for the issuer: one credit note per refund.</param>
/// <param name="InvoiceNumber">The original invoice.</param>
/// <param name="Amount">The amount to credit.</param>
public sealed record CreditNoteRequested(AggregateKey Source, Instant At, string IdempotencyKey, string InvoiceNumber, Money Amount) : DomainEvent(Source, At);
