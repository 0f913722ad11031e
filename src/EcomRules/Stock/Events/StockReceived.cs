using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>
/// A receipt line checked against its delivery document (WH-2): expected and received quantities, damaged units, the
/// units stocked in, whether the receiver refused the line, and the reason for any difference.
/// </summary>
/// <param name="Source">The stock item.</param>
/// <param name="At">When it was checked.</param>
/// <param name="DeliveryNote">The delivery document's number.</param>
/// <param name="ArrivedOn">The day the goods arrived.</param>
/// <param name="Expected">The quantity on the delivery document.</param>
/// <param name="Received">The quantity that arrived.</param>
/// <param name="Damaged">The units that failed the quality check.</param>
/// <param name="StockedIn">The units added to on hand (zero when the line was refused).</param>
/// <param name="Refused">Whether the receiver refused the line.</param>
/// <param name="DifferenceReason">The reason for a difference or a refusal; null when the line matched.</param>
/// <param name="Late">Whether the goods were stocked in after the day they arrived (a WH-2 breach, recorded).</param>
public sealed record StockReceived(AggregateKey Source, Instant At, string DeliveryNote, LocalDate ArrivedOn, int Expected, int Received, int Damaged,
    int StockedIn, bool Refused, string? DifferenceReason, bool Late) : DomainEvent(Source, At)
{
    /// <summary>Gets the quantity difference: received minus expected.</summary>
    public int Difference => Received - Expected;
}
