using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Records a delivery's arrival with the lines of its delivery document (WH-2). Its lines are then checked and stocked
/// in with <see cref="ReceiveStock"/> (same warehouse and delivery note): each against the document's quantity. A
/// durable timer is due at the end of the arrival working day (the next working day when it arrives on a rest day);
/// when it fires with lines unchecked, the breach is recorded and the warehouse told.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records the arrival (warehouse staff).</param>
/// <param name="At">When the goods arrived.</param>
/// <param name="Delivery">The delivery (warehouse and delivery note).</param>
/// <param name="Lines">The delivery document's lines, one per SKU, each above zero.</param>
public sealed record RecordDeliveryArrival(CommandId CommandId, Actor Actor, Instant At, DeliveryReceiptId Delivery, ImmutableArray<StockLine> Lines)
    : EcomCommand(CommandId, Actor, At)
{
    /// <summary>The timer kind of the stock-in deadline.</summary>
    public const string DeadlineTimerKind = "stock-in-deadline";

    /// <inheritdoc />
    public override AggregateKey Target => Delivery.Key;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        var lines = Lines.IsDefault ? [] : Lines;
        if (Delivery.DeliveryNote.Length == 0 || lines.IsEmpty)
        {
            return new InputProblem("A delivery names its warehouse and delivery note and has at least one line.", RuleIds.Wh2);
        }

        if (limits.Items(lines.Length, "delivery lines") is { } tooMany)
        {
            return tooMany;
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line is null || line.Quantity <= 0 || StockParticipant.ItemId(Delivery.Warehouse, line.Sku) is null || !skus.Add(line.Sku))
            {
                return new InputProblem(string.Create(CultureInfo.InvariantCulture,
                    $"Every line of delivery {Delivery} needs a SKU (once) and a quantity above zero; '{line?.Sku}' × {line?.Quantity} is not one."), RuleIds.Wh2);
            }

            if (limits.Code(line.Sku, "SKU") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Delivery {Delivery} was already recorded.");
        }

        if (StockCommand.UnknownWarehouse(new StockItemId(Delivery.Warehouse, "delivery"), input.Policy) is { } unknown)
        {
            return unknown;
        }

        var calendar = input.Policy.Calendar;
        var arrivedOn = calendar.DateOf(At);
        var workingDay = calendar.IsWorkingDay(arrivedOn) ? arrivedOn : calendar.NextWorkingDay(arrivedOn);
        var dueBy = calendar.EndOfWorkingDay(workingDay); // WH-2: stocked in on the day of arrival
        if (dueBy <= At)
        {
            dueBy = calendar.EndOfWorkingDay(calendar.NextWorkingDay(workingDay)); // arrived at or after the end of the day's working hours (an exclusive end)
        }

        var receipt = DeliveryReceipt.Arrived(Delivery, Lines, arrivedOn, dueBy);
        return CommandOutcome.Accept("(new) → Arrived", [new AggregateWrite(Target, 0, receipt)], [],
            [new TimerRequest(Target, "stock-in", DeadlineTimerKind, dueBy)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("delivery", Delivery.ToString());
        foreach (var line in Lines.IsDefault ? [] : Lines)
        {
            writer.Add("sku", line?.Sku).Add("qty", line?.Quantity ?? 0);
        }
    }
}
