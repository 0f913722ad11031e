using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Stocks in one line of a delivery, checked against its delivery document (WH-2): the quantity expected and
/// received, the units that failed the quality check, and the reason for any difference. The receiver may refuse the
/// line: the check is recorded and nothing is stocked in. Otherwise the received units that passed are added to on
/// hand. A receipt dated after the day the command takes effect (in the merchant's zone) is refused; one stocked in
/// after its arrival day is accepted and recorded as late. A delivery with several SKUs is one command per line,
/// sharing the delivery note.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who receives (warehouse staff).</param>
/// <param name="At">When the line is checked and stocked in.</param>
/// <param name="Item">The stock item.</param>
/// <param name="DeliveryNote">The delivery document's number.</param>
/// <param name="ArrivedOn">The day the goods arrived.</param>
/// <param name="Expected">The quantity on the delivery document, above zero.</param>
/// <param name="Received">The quantity that arrived, zero or more.</param>
/// <param name="Damaged">The units that failed the quality check, from zero to <paramref name="Received"/>.</param>
/// <param name="RefuseLine">Whether the receiver refuses the whole line.</param>
/// <param name="DifferenceReason">Why the line differs or is refused; required then.</param>
/// <param name="LastWeekSales">Last week's sales of the item, the low-stock threshold (WH-4); null keeps the last one given.</param>
public sealed record ReceiveStock(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, string DeliveryNote, LocalDate ArrivedOn,
    int Expected, int Received, int Damaged = 0, bool RefuseLine = false, string? DifferenceReason = null, int? LastWeekSales = null)
    : StockCommand(CommandId, Actor, At, Item)
{
    /// <inheritdoc />
    public override string? Reason => DifferenceReason;

    /// <summary>Gets whether the line differs from its delivery document or failed the quality check.</summary>
    public bool Differs => Received != Expected || Damaged > 0;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
    {
        if (string.IsNullOrWhiteSpace(DeliveryNote))
        {
            return new InputProblem("A receipt is checked against its delivery document: the delivery note number is required.", RuleIds.Wh2);
        }

        if (Received < 0 || Damaged < 0 || Damaged > Received)
        {
            return new InputProblem(string.Create(CultureInfo.InvariantCulture,
                $"Received {Received} and damaged {Damaged} are not quantities of a receipt: both at least zero, damaged at most received."), RuleIds.Wh2);
        }

        if ((Differs || RefuseLine) && string.IsNullOrWhiteSpace(DifferenceReason))
        {
            return new InputProblem(string.Create(CultureInfo.InvariantCulture,
                $"The line differs from its delivery document (expected {Expected}, received {Received}, damaged {Damaged}) or is refused: the reason is required."), RuleIds.Wh2);
        }

        return Positive(Expected, "quantity expected", RuleIds.Wh2) ?? limits.Code(DeliveryNote, "delivery note number")
            ?? limits.Reason(DifferenceReason, "difference reason") ?? CheckThreshold(LastWeekSales);
    }

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => DeliveryReceiptId.Of(Item.Warehouse, DeliveryNote) is { } delivery ? [delivery.Key] : [];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        // WH-2: a delivery recorded on arrival is the document the line is checked against, and completes when every line is.
        if (DeliveryReceiptId.Of(Item.Warehouse, DeliveryNote) is not { } id || input.Find(id.Key) is not { State: DeliveryReceipt receipt } stored)
        {
            return base.Decide(input);
        }

        if (receipt.Line(Item.Sku) is not { } line || line.Quantity != Expected || ArrivedOn != receipt.ArrivedOn || receipt.Checked.Contains(Item.Sku, StringComparer.Ordinal))
        {
            var listed = receipt.Line(Item.Sku)?.Quantity ?? 0;
            return CommandOutcome.Refuse(RuleIds.Wh2, receipt.Checked.Contains(Item.Sku, StringComparer.Ordinal)
                ? $"Delivery {id}: the line of {Item.Sku} was already checked and stocked in."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Delivery {id} arrived on {receipt.ArrivedOn:yyyy-MM-dd} and lists {listed} units of {Item.Sku}; this line expects {Expected}, arrived {ArrivedOn:yyyy-MM-dd}."));
        }

        var outcome = base.Decide(input);
        if (!outcome.IsAccepted)
        {
            return outcome;
        }

        var next = receipt.Checking(Item.Sku);
        return CommandOutcome.Accept(outcome.Reason, [.. outcome.Writes, new AggregateWrite(id.Key, stored.Version, next)], outcome.Events,
            next.IsComplete ? [new TimerRequest(id.Key, "stock-in", RecordDeliveryArrival.DeadlineTimerKind, null)] : null);
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy)
    {
        var today = At.InZone(policy.Zone).Date;
        if (ArrivedOn > today)
        {
            return CommandOutcome.Refuse(RuleIds.Wh2, string.Create(CultureInfo.InvariantCulture,
                $"Goods are stocked in on the day they arrive: delivery {DeliveryNote} is dated {ArrivedOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd})."));
        }

        var stockedIn = RefuseLine ? 0 : Received - Damaged;
        var received = new StockReceived(Target, At, DeliveryNote, ArrivedOn, Expected, Received, Damaged, stockedIn, RefuseLine,
            Differs || RefuseLine ? DifferenceReason : null, ArrivedOn < today);
        return Accept(item ?? StockItem.Empty(Item), version, StockMovementKind.Receipt, stockedIn, 0, DeliveryNote, LastWeekSales, received);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer)
        => writer.Add("note", DeliveryNote).Add("arrived", ArrivedOn).Add("expected", Expected).Add("received", Received).Add("damaged", Damaged)
            .Add("refuse", RefuseLine).Add("reason", DifferenceReason).Add("lastWeekSales", LastWeekSales ?? -1);
}
