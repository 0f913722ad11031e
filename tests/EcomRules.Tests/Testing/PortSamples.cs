using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Ports;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Tests.Testing;

/// <summary>Port requests for the fake and router tests.</summary>
internal static class PortSamples
{
    internal static readonly AggregateKey Order = new("order", "42");
    internal static readonly CarrierId Sf = new("sf");
    internal static readonly CarrierId Zto = new("zto");
    internal static readonly CarrierId Ems = new("ems");
    internal const string Mobile = "13812345678";

    internal static InvoiceRequest Invoice(string key)
        => new(key, Order, "张伟", null, new Money(100m), new Money(12m), new LocalDate(2025, 3, 3));

    internal static CreditNoteRequest CreditNote(string key)
        => new(key, new AggregateKey("refund", "7"), "INV-000001", new Money(50m));

    internal static ShipmentRequest Shipment(string key, CarrierId carrier)
        => new(key, Order, carrier, WarehouseId.Main, new Address(Province.Guangdong, "深圳市", "南山区", "科技园路1号"), "INV-000001");

    internal static CustomerNotification Notification(string key)
        => new(key, Order, ChineseMobileNumber.Parse(Mobile), "order-shipped", "您的订单已发货");
}
