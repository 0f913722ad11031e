using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>A delivery was not stocked in by the end of its arrival working day (WH-2).</summary>
/// <param name="Source">The delivery.</param>
/// <param name="At">When the deadline passed.</param>
/// <param name="ArrivedOn">The day it arrived.</param>
/// <param name="OpenLines">How many lines were not checked.</param>
public sealed record StockInBreached(AggregateKey Source, Instant At, LocalDate ArrivedOn, int OpenLines) : DomainEvent(Source, At);
