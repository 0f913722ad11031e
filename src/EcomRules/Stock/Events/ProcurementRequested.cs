using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock.Events;

/// <summary>A procurement request was made (WH-4, WH-5).</summary>
/// <param name="Source">The request.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item to buy.</param>
/// <param name="Quantity">How many units.</param>
/// <param name="Amount">The amount.</param>
/// <param name="NeedsChairman">Whether the amount is above the threshold, so the chairman signs off (WH-5).</param>
public sealed record ProcurementRequested(AggregateKey Source, Instant At, AggregateKey Item, int Quantity, Money Amount, bool NeedsChairman) : DomainEvent(Source, At);
