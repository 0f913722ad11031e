using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// One payment, refund or cancellation on the daily sales ledger (FIN-1), with the order's figures when it was
/// recorded, so the ledger can check the payment status: paid equals the order total, refunds never exceed what was
/// paid (REF-1). The buyer's name is kept masked (SEC-1): the ledger never holds more personal data than it exports.
/// </summary>
/// <param name="Reference">What the entry comes from (the source event's idempotency key): unique on a day's ledger.</param>
/// <param name="Order">The order.</param>
/// <param name="Kind">Payment, refund or cancellation.</param>
/// <param name="Amount">The amount paid, refunded, or to be refunded for the cancellation.</param>
/// <param name="At">When it happened.</param>
/// <param name="Buyer">The buyer's name, masked (SEC-1).</param>
/// <param name="OrderTotal">The order's total.</param>
/// <param name="OrderPaid">What the order had been paid when the entry was recorded.</param>
/// <param name="OrderRefunded">What had been refunded on the order in all when the entry was recorded.</param>
public sealed record SalesEntry(string Reference, OrderId Order, SalesEntryKind Kind, Money Amount, Instant At, string Buyer, Money OrderTotal, Money OrderPaid, Money OrderRefunded);
