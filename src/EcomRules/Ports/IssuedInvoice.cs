namespace EcomRules.Ports;

/// <summary>An invoice the invoicing system issued.</summary>
/// <param name="InvoiceNumber">The invoice number.</param>
/// <param name="Amount">The amount invoiced.</param>
public sealed record IssuedInvoice(string InvoiceNumber, Money Amount);
