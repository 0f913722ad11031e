namespace EcomRules.Ports;

/// <summary>
/// The answer to a credit-note request: issued with its number, or pending (tax systems may take days; the
/// issuer reports completion later, INV-3).
/// </summary>
/// <param name="CreditNoteNumber">The credit note's number, or null while pending.</param>
public sealed record CreditNoteResult(string? CreditNoteNumber)
{
    /// <summary>Gets whether the credit note is still being issued.</summary>
    public bool IsPending => CreditNoteNumber is null;
}
