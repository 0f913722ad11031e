namespace EcomRules.Orders;

/// <summary>What the order workflow's guards look at: an order's paperwork and return window at one instant.</summary>
/// <param name="IsPaid">Whether payment was received.</param>
/// <param name="HasDeliveryNote">Whether the delivery note was made.</param>
/// <param name="HasInvoice">Whether the invoice was issued.</param>
/// <param name="ReturnWindowClosed">Whether every return window has closed (RET-2).</param>
/// <param name="OpenReturns">How many return cases are open.</param>
public readonly record struct OrderFacts(bool IsPaid, bool HasDeliveryNote, bool HasInvoice, bool ReturnWindowClosed, int OpenReturns);
