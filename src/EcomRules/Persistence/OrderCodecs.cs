using System.Collections.Immutable;
using System.Text.Json;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Inventory;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Shipping;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>The codecs of the order aggregate (ORD-1) and its events. Field names are stable: never rename one once data exists.</summary>
internal static class OrderCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<Order>("Order", WriteOrder, ReadOrder),
        Codec.Event("OrderPlaced", static (f, e) => f.String("warehouse", e.Warehouse.Value).Money("goods", e.Goods).Money("freight", e.Freight),
            static (r, source, at) => new OrderPlaced(source, at, new WarehouseId(r.String("warehouse")), r.Money("goods"), r.Money("freight"))),
        Codec.Event("OrderPaid", static (f, e) => f.Money("amount", e.Amount).Date("dispatchDate", e.DispatchDate)
                .Instant("dispatchDeadline", e.DispatchDeadline).Date("invoiceBatchDate", e.InvoiceBatchDate),
            static (r, source, at) => new OrderPaid(source, at, r.Money("amount"), r.Date("dispatchDate"), r.Instant("dispatchDeadline"), r.Date("invoiceBatchDate"))),
        Codec.Event("OrderConfirmed", static (f, e) => f.String("customer", e.Customer?.Value),
            static (r, source, at) => new OrderConfirmed(source, at, OptionalCustomer(r))),
        Codec.Event("StockAllocated", static (f, e) => f.String("warehouse", e.Warehouse.Value).String("deliveryNote", e.DeliveryNote),
            static (r, source, at) => new StockAllocated(source, at, new WarehouseId(r.String("warehouse")), r.String("deliveryNote"))),
        Codec.Event("InvoiceRequested", static (f, e) => f.String("buyerName", e.BuyerName).String("buyerTaxId", e.BuyerTaxId)
                .Money("goods", e.Goods).Money("freight", e.Freight).Date("batchDate", e.BatchDate),
            static (r, source, at) => new InvoiceRequested(source, at, r.String("buyerName"), r.OptionalString("buyerTaxId"), r.Money("goods"), r.Money("freight"), r.Date("batchDate"))),
        Codec.Event("OrderInvoiced", static (f, e) => f.String("invoiceNumber", e.InvoiceNumber).Money("amount", e.Amount),
            static (r, source, at) => new OrderInvoiced(source, at, r.String("invoiceNumber"), r.Money("amount"))),
        Codec.Event("ShipmentRequested", static (f, e) => f.String("from", e.From.Value).Object("to", e.To, DomainValues.WriteAddress)
                .Strings("carriers", e.Carriers.Select(c => c.Value)).String("invoiceNumber", e.InvoiceNumber),
            static (r, source, at) => new ShipmentRequested(source, at, new WarehouseId(r.String("from")), DomainValues.ReadAddress(r.Object("to")),
                r.Strings("carriers").Select(c => new CarrierId(c)).ToImmutableArray(), r.String("invoiceNumber"))),
        Codec.Event("OrderShipped", static (f, e) => f.String("carrier", e.Carrier.Value).String("trackingNumber", e.TrackingNumber).Bool("onTime", e.OnTime),
            static (r, source, at) => new OrderShipped(source, at, new CarrierId(r.String("carrier")), r.String("trackingNumber"), r.Bool("onTime"))),
        Codec.Event("CustomerNotificationRequested", static (f, e) => f.String("recipient", e.Recipient.Value).String("template", e.Template).String("text", e.Text),
            static (r, source, at) => new CustomerNotificationRequested(source, at, ChineseMobileNumber.Parse(r.String("recipient")), r.String("template"), r.String("text"))),
        Codec.Event("TrackingEventRecorded", static (f, e) => f.Enum("kind", e.Kind),
            static (r, source, at) => new TrackingEventRecorded(source, at, r.Enum<TrackingEventKind>("kind"))),
        Codec.Event("OrderReceived", static (f, e) => f.Instant("returnWindowClosesAt", e.ReturnWindowClosesAt),
            static (r, source, at) => new OrderReceived(source, at, r.Instant("returnWindowClosesAt"))),
        Codec.Event("OrderCompleted", static (source, at) => new OrderCompleted(source, at)),
        Codec.Event("FollowUpVisitRequested", static (source, at) => new FollowUpVisitRequested(source, at)),
        Codec.Event("OrderCancelled", static (f, e) => f.Money("refund", e.Refund).Bool("interceptParcel", e.InterceptParcel),
            static (r, source, at) => new OrderCancelled(source, at, r.Money("refund"), r.Bool("interceptParcel"))),
        Codec.Event("SlaClosed", static (f, e) => f.String("slaId", e.SlaId).Enum("outcome", e.Outcome).Duration("elapsed", e.Elapsed),
            static (r, source, at) => new SlaClosed(source, at, r.String("slaId"), r.Enum<SlaState>("outcome"), r.Duration("elapsed"))),
        Codec.Event("SlaBreached", static (f, e) => f.String("slaId", e.SlaId).Instant("breachAt", e.BreachAt),
            static (r, source, at) => new SlaBreached(source, at, r.String("slaId"), r.Instant("breachAt"))),
        Codec.Event("SlaWarningRaised", static (f, e) => f.String("slaId", e.SlaId).String("threshold", e.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)).Instant("breachAt", e.BreachAt),
            static (r, source, at) => new SlaWarningRaised(source, at, r.String("slaId"), decimal.Parse(r.String("threshold"), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture), r.Instant("breachAt"))),
        Codec.Event("MerchantDispatchedLate", static (f, e) => f.String("merchant", e.Merchant.Value).Instant("deadline", e.Deadline),
            static (r, source, at) => new MerchantDispatchedLate(source, at, new MerchantId(r.String("merchant")), r.Instant("deadline"))),
        Codec.Event("DispatchDeadlineMissed", static (f, e) => f.Instant("deadline", e.Deadline),
            static (r, source, at) => new DispatchDeadlineMissed(source, at, r.Instant("deadline"))),
    ];

    private static void WriteOrder(JsonFields f, Order order)
    {
        f.String("id", order.Id.Value).Enum("state", order.State)
            .Object("buyer", order.Buyer, DomainValues.WriteBuyer).String("customer", order.Customer?.Value)
            .Array("lines", order.Lines, DomainValues.WriteLine).Money("goods", order.Goods).Money("freight", order.Freight)
            .String("warehouse", order.Warehouse.Value).Instant("placedAt", order.PlacedAt)
            .Instant("paidAt", order.PaidAt).Money("paid", order.Paid).Date("dispatchDate", order.DispatchDate)
            .Instant("dispatchDeadline", order.DispatchDeadline).Date("invoiceBatchDate", order.InvoiceBatchDate)
            .String("deliveryNote", order.DeliveryNote).String("invoiceNumber", order.InvoiceNumber)
            .String("carrier", order.Carrier?.Value).String("trackingNumber", order.TrackingNumber).Instant("shippedAt", order.ShippedAt)
            .Bool("shippedOnTime", order.ShippedOnTime).Enum("lastTrackingEvent", order.LastTrackingEvent)
            .Instant("receivedAt", order.ReceivedAt).Instant("returnWindowClosesAt", order.ReturnWindowClosesAt)
            .Int("openReturns", order.OpenReturns).Money("refunded", order.Refunded).Money("refundReserved", order.RefundReserved)
            .Array("returnedQuantities", order.ReturnedQuantities.OrderBy(p => p.Key, StringComparer.Ordinal), static (f, p) => f.String("sku", p.Key).Int("quantity", p.Value))
            .Instant("completedAt", order.CompletedAt).Instant("cancelledAt", order.CancelledAt)
            .Array("slas", order.Slas, DomainValues.WriteSlaTimer)
            .ArrayIfAny("provisionalDeadlines", order.ProvisionalDeadlines, DomainValues.WriteProvisionalDeadline);

        // Written only once set, so the stored form of an order without a merchant is unchanged (MER-3).
        if (order.Merchant is { } merchant)
        {
            f.String("merchant", merchant.Value);
        }
    }

    private static Order ReadOrder(JsonRecord r)
    {
        var lines = r.Array("lines", DomainValues.ReadLine);
        var goods = r.Money("goods");
        if (lines.IsEmpty || lines.Aggregate(Money.Zero, (sum, line) => sum + line.Total) != goods)
        {
            throw new JsonException("The stored order's goods amount is not the sum of its lines.");
        }

        var openReturns = r.Int("openReturns");
        if (openReturns < 0)
        {
            throw new JsonException("The stored order's openReturns is negative.");
        }

        return Order.Rehydrate(
            new OrderId(r.String("id")),
            r.Enum<OrderState>("state"),
            DomainValues.ReadBuyer(r.Object("buyer")),
            OptionalCustomer(r),
            lines,
            goods,
            r.Money("freight"),
            new WarehouseId(r.String("warehouse")),
            r.Instant("placedAt"),
            (r.OptionalInstant("paidAt"), r.Money("paid"), r.OptionalDate("dispatchDate"), r.OptionalInstant("dispatchDeadline"), r.OptionalDate("invoiceBatchDate")),
            (r.OptionalString("deliveryNote"), r.OptionalString("invoiceNumber")),
            (r.OptionalString("carrier") is { } carrier ? new CarrierId(carrier) : null, r.OptionalString("trackingNumber"), r.OptionalInstant("shippedAt"),
                r.OptionalBool("shippedOnTime"), r.OptionalEnum<TrackingEventKind>("lastTrackingEvent")),
            (r.OptionalInstant("receivedAt"), r.OptionalInstant("returnWindowClosesAt"), openReturns, r.Money("refunded"), r.Money("refundReserved"),
                r.Array("returnedQuantities", static q => KeyValuePair.Create(q.String("sku"), q.Int("quantity"))).ToImmutableDictionary(StringComparer.Ordinal)),
            (r.OptionalInstant("completedAt"), r.OptionalInstant("cancelledAt")),
            r.Array("slas", DomainValues.ReadSlaTimer),
            r.OptionalArray("provisionalDeadlines", DomainValues.ReadProvisionalDeadline),
            r.OptionalString("merchant") is { } merchant ? new MerchantId(merchant) : null);
    }

    private static CustomerId? OptionalCustomer(JsonRecord r) => r.OptionalString("customer") is { } id ? new CustomerId(id) : null;
}
