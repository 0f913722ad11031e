using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Stock;
using EcomRules.Stock.Events;

namespace EcomRules.Persistence;

/// <summary>The codecs of stock items (WH-*) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class StockCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<StockItem>("StockItem", WriteItem, ReadItem),
        Codec.Event("StockMoved", static (f, e) => f.Enum("kind", e.Kind).Int("onHandChange", e.OnHandChange).Int("reservedChange", e.ReservedChange)
                .Int("onHand", e.OnHand).Int("reserved", e.Reserved).String("reference", e.Reference),
            static (r, source, at) => new StockMoved(source, at, r.Enum<StockMovementKind>("kind"), r.Int("onHandChange"), r.Int("reservedChange"),
                r.Int("onHand"), r.Int("reserved"), r.String("reference"))),
        Codec.Event("StockReceived", static (f, e) => f.String("deliveryNote", e.DeliveryNote).Date("arrivedOn", e.ArrivedOn).Int("expected", e.Expected)
                .Int("received", e.Received).Int("damaged", e.Damaged).Int("stockedIn", e.StockedIn).Bool("refused", e.Refused)
                .String("differenceReason", e.DifferenceReason).Bool("late", e.Late),
            static (r, source, at) => new StockReceived(source, at, r.String("deliveryNote"), r.Date("arrivedOn"), r.Int("expected"), r.Int("received"),
                r.Int("damaged"), r.Int("stockedIn"), r.Bool("refused"), r.OptionalString("differenceReason"), r.Bool("late"))),
        Codec.Event("StockCounted", static (f, e) => f.String("stocktake", e.Stocktake).Int("booked", e.Booked).Int("counted", e.Counted)
                .Array("differences", e.Differences, WriteDifference).String("reconciledWith", e.ReconciledWith),
            static (r, source, at) => new StockCounted(source, at, r.String("stocktake"), r.Int("booked"), r.Int("counted"), r.Array("differences", ReadDifference),
                r.OptionalString("reconciledWith"))),
        Codec.Event("LowStockAlerted", static (f, e) => f.Int("onHand", e.OnHand).Int("threshold", e.Threshold),
            static (r, source, at) => new LowStockAlerted(source, at, r.Int("onHand"), r.Int("threshold"))),
        Codec.Aggregate<StockReservation>("StockReservation", WriteReservation, ReadReservation),
        Codec.Aggregate<DeliveryReceipt>("DeliveryReceipt", static (f, d) => f.String("warehouse", d.Id.Warehouse.Value).String("note", d.Id.DeliveryNote)
                .Array("lines", d.Lines, static (l, x) => l.String("sku", x.Sku).Int("quantity", x.Quantity)).Date("arrivedOn", d.ArrivedOn).Instant("dueBy", d.DueBy)
                .Strings("checked", d.Checked).Bool("breached", d.Breached),
            static r => DeliveryReceipt.Rehydrate(new DeliveryReceiptId(new WarehouseId(r.String("warehouse")), r.String("note")),
                r.Array("lines", static l => new StockLine(l.String("sku"), l.Int("quantity"))), r.Date("arrivedOn"), r.Instant("dueBy"), r.Strings("checked"), r.Bool("breached"))),
        Codec.Event("StockInBreached", static (f, e) => f.Date("arrivedOn", e.ArrivedOn).Int("openLines", e.OpenLines),
            static (r, source, at) => new StockInBreached(source, at, r.Date("arrivedOn"), r.Int("openLines"))),
        Codec.Aggregate<ProcurementRequest>("ProcurementRequest", WriteProcurement, ReadProcurement),
        Codec.Event("ProcurementRequested", static (f, e) => f.Key("item", e.Item).Int("quantity", e.Quantity).Money("amount", e.Amount).Bool("needsChairman", e.NeedsChairman),
            static (r, source, at) => new ProcurementRequested(source, at, r.Key("item"), r.Int("quantity"), r.Money("amount"), r.Bool("needsChairman"))),
        Codec.Event("ProcurementSigned", static (f, e) => f.String("actorId", e.ActorId).String("role", e.Role.Value).Enum("state", e.State),
            static (r, source, at) => new ProcurementSigned(source, at, r.String("actorId"), new ActorRole(r.String("role")), r.Enum<ProcurementState>("state"))),
    ];

    private static void WriteDifference(JsonFields f, StockDifference d)
        => f.Enum("kind", d.Kind).Int("quantity", d.Quantity).String("reason", d.Reason).String("responsiblePerson", d.ResponsiblePerson);

    private static StockDifference ReadDifference(JsonRecord r)
        => new(r.Enum<StockDifferenceKind>("kind"), r.Int("quantity"), r.String("reason"), r.String("responsiblePerson"));

    private static void WriteItem(JsonFields f, StockItem item)
    {
        f.String("warehouse", item.Id.Warehouse.Value).String("sku", item.Id.Sku).Int("onHand", item.OnHand).Int("reserved", item.Reserved)
            .String("movements", item.Movements.ToString(System.Globalization.CultureInfo.InvariantCulture)).Instant("lastMovementAt", item.LastMovementAt)
            .Bool("lowStockAlerted", item.LowStockAlerted).Instant("lastCountedAt", item.LastCountedAt);
        if (item.LowStockThreshold is { } threshold)
        {
            f.Int("lowStockThreshold", threshold);
        }

        if (item.SalesWeek is { } week)
        {
            f.Date("salesWeek", week).Int("salesInWeek", item.SalesInWeek).Int("salesInWeekBefore", item.SalesInWeekBefore);
        }
    }

    private static StockItem ReadItem(JsonRecord r)
    {
        var onHand = r.Int("onHand");
        var reserved = r.Int("reserved");
        if (onHand < 0 || reserved < 0 || reserved > onHand)
        {
            throw new System.Text.Json.JsonException($"A stored stock item has on hand {onHand} and reserved {reserved}; neither may be negative nor reserved above on hand (WH-3).");
        }

        var movements = long.Parse(r.String("movements"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        return StockItem.Rehydrate(new StockItemId(new WarehouseId(r.String("warehouse")), r.String("sku")), onHand, reserved, movements,
            r.OptionalInstant("lastMovementAt"), (r.OptionalInt("lowStockThreshold"), r.Bool("lowStockAlerted")), r.OptionalInstant("lastCountedAt"))
            .WithSales(r.OptionalDate("salesWeek"), r.OptionalInt("salesInWeek") ?? 0, r.OptionalInt("salesInWeekBefore") ?? 0);
    }

    private static void WriteReservation(JsonFields f, StockReservation r)
    {
        f.String("order", r.Order.Value).String("warehouse", r.Warehouse.Value).Instant("reservedAt", r.ReservedAt)
            .Array("lines", r.Lines, static (l, x) => l.String("sku", x.Sku).Int("quantity", x.Quantity));
        if (r.ClosedBy is { } closedBy)
        {
            f.Enum("closedBy", closedBy);
        }
    }

    private static StockReservation ReadReservation(JsonRecord r)
        => StockReservation.Rehydrate(new OrderId(r.String("order")), new WarehouseId(r.String("warehouse")),
            r.Array("lines", static l => new StockLine(l.String("sku"), l.Int("quantity"))), r.Instant("reservedAt"), r.OptionalEnum<StockMovementKind>("closedBy"));

    private static void WriteProcurement(JsonFields f, ProcurementRequest p)
        => f.String("number", p.Id.Number).String("warehouse", p.Item.Warehouse.Value).String("sku", p.Item.Sku).Int("quantity", p.Quantity)
            .Money("amount", p.Amount).String("requestedBy", p.RequestedBy).Instant("requestedAt", p.RequestedAt).Enum("state", p.State)
            .Array("signatures", p.Signatures, static (s, x) => s.String("actorId", x.ActorId).String("role", x.Role.Value).Instant("at", x.At));

    private static ProcurementRequest ReadProcurement(JsonRecord r)
        => ProcurementRequest.Rehydrate(new ProcurementRequestId(r.String("number")), new StockItemId(new WarehouseId(r.String("warehouse")), r.String("sku")),
            r.Int("quantity"), r.Money("amount"), r.String("requestedBy"), r.Instant("requestedAt"), r.Enum<ProcurementState>("state"),
            r.Array("signatures", static s => new ProcurementSignature(s.String("actorId"), new ActorRole(s.String("role")), s.Instant("at"))));
}
