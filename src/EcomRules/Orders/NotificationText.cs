using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>An order's SMS text, written when read (ORD-4): the event keeps these few values, not the string.</summary>
internal abstract class NotificationText
{
    public abstract string Write();
}

/// <summary>The order has shipped (ORD-4).</summary>
internal sealed class ShippedText(OrderId orderId, CarrierId carrier, string trackingNumber) : NotificationText
{
    public override string Write() => $"Your order {orderId} has shipped with {carrier}, tracking number {trackingNumber}.";
}

/// <summary>The order was signed for; returns until the last day of the longest window (ORD-4, RET-2).</summary>
internal sealed class ReceivedText(OrderId orderId, LocalDate lastDay) : NotificationText
{
    // yyyy-MM-dd without NodaTime's pattern formatter.
    public override string Write() => $"Your order {orderId} was signed for. Returns are accepted until {lastDay.YearOfEra:D4}-{lastDay.Month:D2}-{lastDay.Day:D2}.";
}

/// <summary>The parcel reached a new delivery step: in transit or out for delivery (ORD-4).</summary>
internal sealed class TrackingText(OrderId orderId, TrackingEventKind kind, string? trackingNumber) : NotificationText
{
    public override string Write() => kind == TrackingEventKind.OutForDelivery
        ? $"Your order {orderId} is out for delivery today (tracking number {trackingNumber})."
        : $"Your order {orderId} is on its way (tracking number {trackingNumber}).";
}
