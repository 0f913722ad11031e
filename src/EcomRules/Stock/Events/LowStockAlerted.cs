using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>On hand fell below last week's sales of the item (WH-4); raised once per crossing, for operations.</summary>
/// <param name="Source">The stock item.</param>
/// <param name="At">When.</param>
/// <param name="OnHand">On hand after the movement that crossed the threshold.</param>
/// <param name="Threshold">The threshold: last week's sales of the item.</param>
public sealed record LowStockAlerted(AggregateKey Source, Instant At, int OnHand, int Threshold) : DomainEvent(Source, At);
