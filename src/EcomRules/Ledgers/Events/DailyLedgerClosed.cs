using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ledgers.Events;

/// <summary>The sales ledger of a working day was produced (FIN-1); a flagged day has a mismatch or a late entry.</summary>
/// <param name="Source">The sales day.</param>
/// <param name="At">When it closed.</param>
/// <param name="Day">The working day.</param>
/// <param name="Orders">How many orders are on it.</param>
/// <param name="Paid">The day's payments.</param>
/// <param name="Refunded">The day's paid refunds.</param>
/// <param name="Mismatches">How many orders' payment status does not check out.</param>
public sealed record DailyLedgerClosed(AggregateKey Source, Instant At, LocalDate Day, int Orders, Money Paid, Money Refunded, int Mismatches) : DomainEvent(Source, At)
{
    /// <summary>Gets whether the day is flagged (FIN-1).</summary>
    public bool IsFlagged => Mismatches > 0;
}
