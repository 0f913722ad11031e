namespace EcomRules.Ports;

/// <summary>
/// The invoicing port (INV-1, INV-3). Called at least once per request by the outbox dispatcher: implementations
/// must use the request's idempotency key so that a repeat never issues a second invoice or credit note.
/// </summary>
public interface IInvoiceIssuer
{
    /// <summary>Issues an invoice for goods and freight (INV-1).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoice; the same invoice again for a repeated key.</returns>
    ValueTask<IssuedInvoice> IssueInvoiceAsync(InvoiceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Issues a red-letter credit note (INV-3); may answer "pending" and complete later.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credit note, or pending.</returns>
    ValueTask<CreditNoteResult> IssueCreditNoteAsync(CreditNoteRequest request, CancellationToken cancellationToken = default);
}
