using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>One item's monthly in / out / balance summary (WH-6): on hand at the start, units in and out, on hand at the end.</summary>
/// <param name="Item">The stock item's key.</param>
/// <param name="Month">The month, in the merchant's zone.</param>
/// <param name="Opening">On hand when the month began.</param>
/// <param name="In">Units in: receipts, returns and stocktake surpluses.</param>
/// <param name="Out">Units out: shipments and stocktake shortages or damage.</param>
/// <param name="Closing">On hand when the month ended: <paramref name="Opening"/> + <paramref name="In"/> − <paramref name="Out"/>.</param>
public sealed record StockMonthSummary(AggregateKey Item, YearMonth Month, long Opening, long In, long Out, long Closing);
