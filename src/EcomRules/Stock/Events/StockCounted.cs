using System.Collections.Immutable;
using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>A closed stocktake of one item (WH-3, WH-6): booked and counted figures and the explained differences.</summary>
/// <param name="Source">The stock item.</param>
/// <param name="At">When it closed.</param>
/// <param name="Stocktake">The stocktake's reference.</param>
/// <param name="Booked">On hand in the books when counted.</param>
/// <param name="Counted">The units counted (damaged units written off are not counted).</param>
/// <param name="Differences">Every surplus, shortage or damage, with its reason and responsible person.</param>
/// <param name="ReconciledWith">The finance person the quarterly stocktake was reconciled with (WH-6); null for a weekly stocktake.</param>
public sealed record StockCounted(AggregateKey Source, Instant At, string Stocktake, int Booked, int Counted, ImmutableArray<StockDifference> Differences, string? ReconciledWith = null)
    : DomainEvent(Source, At);
