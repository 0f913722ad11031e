using EcomRules.Commands;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Fired by the stock-in deadline's timer (WH-2): a delivery with lines not yet checked at the end of its arrival
/// working day is marked breached, and the warehouse is told; a complete delivery is left as it is.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The system.</param>
/// <param name="At">When the deadline passed.</param>
/// <param name="Delivery">The delivery.</param>
public sealed record RecordStockInDeadlinePassed(CommandId CommandId, Actor Actor, Instant At, DeliveryReceiptId Delivery) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Delivery.Key;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not DeliveryReceipt receipt)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (receipt.IsComplete || receipt.Breached)
        {
            return CommandOutcome.Accept("stock-in deadline: nothing to record", [], []);
        }

        var open = receipt.Lines.Length - receipt.Checked.Length;
        return CommandOutcome.Accept("Arrived → Breached", [new AggregateWrite(Target, stored.Version, receipt.Breaching())],
        [
            new StockInBreached(Target, At, receipt.ArrivedOn, open),
            new StaffNotificationRequested(Target, At, ActorRole.Warehouse, "stock-in-breach",
                $"Delivery {Delivery} arrived on {receipt.ArrivedOn:yyyy-MM-dd} and {open} of its {receipt.Lines.Length} lines are not stocked in (WH-2)."),
        ]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer) => writer.Add("delivery", Delivery.ToString());
}
