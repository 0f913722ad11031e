using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>
/// One stock movement (WH-3): the change of on hand and reserved, and both figures after it. The figures of an item
/// always equal the sums of its movements' changes.
/// </summary>
/// <param name="Source">The stock item.</param>
/// <param name="At">When.</param>
/// <param name="Kind">Why the stock moved.</param>
/// <param name="OnHandChange">The change of on hand (negative for a decrease).</param>
/// <param name="ReservedChange">The change of reserved (negative for a decrease).</param>
/// <param name="OnHand">On hand after the movement.</param>
/// <param name="Reserved">Reserved after the movement.</param>
/// <param name="Reference">What the movement belongs to: a delivery note, an order, a stocktake.</param>
public sealed record StockMoved(AggregateKey Source, Instant At, StockMovementKind Kind, int OnHandChange, int ReservedChange, int OnHand, int Reserved, string Reference)
    : DomainEvent(Source, At);
