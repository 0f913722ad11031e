namespace EcomRules.Returns;

/// <summary>What the return workflow's guards look at: one command's input on one case.</summary>
/// <param name="HasReason">Whether a decision's reason is recorded (RET-3).</param>
/// <param name="GoodsPassed">Whether the goods met the receiving conditions (RET-4).</param>
/// <param name="InvoiceReturned">Whether the invoice came back with the goods (RET-4, INV-3).</param>
public readonly record struct ReturnFacts(bool HasReason, bool GoodsPassed, bool InvoiceReturned);
