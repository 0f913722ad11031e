using EcomRules.Orders;

namespace EcomRules.Ledgers;

/// <summary>
/// One order on a daily sales ledger (FIN-1): what was paid, refunded and cancelled on it that day, and the payment
/// status check: null <see cref="Problem"/> when paid equals the order total and refunds stay within what was paid.
/// </summary>
/// <param name="Order">The order.</param>
/// <param name="Buyer">The buyer's name, masked (SEC-1).</param>
/// <param name="OrderTotal">The order's total.</param>
/// <param name="Paid">What was paid on the order that day.</param>
/// <param name="Refunded">What was refunded on the order that day.</param>
/// <param name="Cancelled">What the order's cancellation that day is to refund (zero when it was not cancelled that day).</param>
/// <param name="Problem">Why the payment status does not check out, or null when it does.</param>
public sealed record DailyLedgerLine(OrderId Order, string Buyer, Money OrderTotal, Money Paid, Money Refunded, Money Cancelled, string? Problem)
{
    /// <summary>Gets whether the payment status does not check out.</summary>
    public bool IsMismatch => Problem is not null;
}
