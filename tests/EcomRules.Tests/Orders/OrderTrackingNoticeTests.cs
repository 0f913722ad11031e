using EcomRules.Orders;
using EcomRules.Orders.Events;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

public sealed class OrderTrackingNoticeTests
{
    [Fact]
    [Trait("Rule", "ORD-4")]
    public void ORD4_TheCustomerIsToldOfEachShipmentAndDeliveryStep_OnceEach()
    {
        var s = new OrderScenario();
        s.AdvanceTo("T1", OrderState.Shipped);
        var shipped = StandardInstant(OrderState.Shipped);
        var transit = Single<CustomerNotificationRequested>(Require(s.Track("T1", shipped + Duration.FromHours(3), TrackingEventKind.InTransit)));
        Assert.Empty(Require(s.Track("T1", shipped + Duration.FromHours(9), TrackingEventKind.InTransit)).Events.OfType<CustomerNotificationRequested>()); // a repeated scan
        var delivery = Single<CustomerNotificationRequested>(Require(s.Track("T1", shipped + Duration.FromHours(20), TrackingEventKind.OutForDelivery)));
        var signed = Single<CustomerNotificationRequested>(Require(s.Sign("T1", shipped + Duration.FromHours(22))));

        Assert.Equal(("order-in-transit", "order-out-for-delivery", "order-received"), (transit.Template, delivery.Template, signed.Template));
        Assert.Equal("Your order T1 is on its way (tracking number SFT1).", transit.Text);
        Assert.Equal("Your order T1 is out for delivery today (tracking number SFT1).", delivery.Text);
        Assert.Equal(["order-shipped", "order-in-transit", "order-out-for-delivery", "order-received"],
            s.Store.Outbox.Select(m => m.Message.Event).OfType<CustomerNotificationRequested>().Where(n => n.Source.Id == "T1").Select(n => n.Template).ToArray());
        Assert.All(new[] { transit, delivery }, n => Assert.DoesNotContain(n.Recipient.Value, n.ToString(), StringComparison.Ordinal)); // SEC-1

        // Written when read, the text survives the serializer.
        var json = EcomRules.Persistence.EcomSerializer.Default.SerializeEvent(delivery);
        Assert.Equal(delivery, EcomRules.Persistence.EcomSerializer.Default.DeserializeEvent(json));
    }
}
