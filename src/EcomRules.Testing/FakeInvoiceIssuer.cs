using System.Globalization;
using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="IInvoiceIssuer"/> that issues invoice numbers <c>INV-000001</c>, <c>INV-000002</c>, … and credit notes
/// <c>CN-000001</c>, …, immediately or, with <see cref="CreditNotesArePending"/>, later through
/// <see cref="CompletePendingCreditNotes"/> (INV-3). Deduplicates by idempotency key: a repeat returns the first result
/// (a completed credit note's number once it has one) and is recorded in <see cref="FakePort.Calls"/> but is no second
/// effect. Thread-safe.
/// </summary>
public sealed class FakeInvoiceIssuer : FakePort, IInvoiceIssuer
{
    private readonly EffectLog<InvoiceRequest, IssuedInvoice> _invoices;
    private readonly EffectLog<CreditNoteRequest, CreditNoteResult> _creditNotes;
    private int _creditNoteNumbers;

    /// <summary>Creates an issuer with no invoices.</summary>
    public FakeInvoiceIssuer()
        : base("invoice issuer")
    {
        _invoices = new(Recorder.Gate);
        _creditNotes = new(Recorder.Gate);
    }

    /// <summary>Gets or sets whether credit notes answer "pending" until <see cref="CompletePendingCreditNotes"/>.</summary>
    /// <value>The default is false: credit notes are issued at once.</value>
    public bool CreditNotesArePending { get; set; }

    /// <summary>Gets the invoices issued, one per idempotency key, in order.</summary>
    public IReadOnlyList<PortEffect<InvoiceRequest, IssuedInvoice>> Issued => _invoices.Snapshot();

    /// <summary>Gets the credit notes requested, one per idempotency key, in order; a pending one has no number yet.</summary>
    public IReadOnlyList<PortEffect<CreditNoteRequest, CreditNoteResult>> CreditNotes => _creditNotes.Snapshot();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A simulated outage (<see cref="FakePort.FailNext"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IssuedInvoice> IssueInvoiceAsync(InvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Recorder.Call("issue invoice", request.IdempotencyKey, request, fail: false, _invoices,
            r => new IssuedInvoice(Number("INV", _invoices.Count + 1), r.Total)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A simulated outage (<see cref="FakePort.FailNext"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<CreditNoteResult> IssueCreditNoteAsync(CreditNoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Recorder.Call("issue credit note", request.IdempotencyKey, request, fail: false, _creditNotes,
            _ => new CreditNoteResult(CreditNotesArePending ? null : NextCreditNoteNumber())));
    }

    /// <summary>Issues every pending credit note, as the tax system would report days later (INV-3).</summary>
    /// <returns>The completed credit notes: idempotency key and credit-note number, in request order.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> CompletePendingCreditNotes()
    {
        lock (Recorder.Gate)
        {
            var completed = new List<KeyValuePair<string, string>>();
            _creditNotes.Update(effect =>
            {
                if (!effect.Result.IsPending)
                {
                    return null;
                }

                var number = NextCreditNoteNumber();
                completed.Add(new(effect.Request.IdempotencyKey, number));
                return new CreditNoteResult(number);
            });
            return completed.ToArray();
        }
    }

    private string NextCreditNoteNumber() => Number("CN", ++_creditNoteNumbers);

    private static string Number(string prefix, int sequence)
        => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{sequence:D6}");
}
