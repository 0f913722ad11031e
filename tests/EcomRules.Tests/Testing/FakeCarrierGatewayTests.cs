using EcomRules.Testing;
using static EcomRules.Tests.Testing.PortSamples;

namespace EcomRules.Tests.Testing;

public sealed class FakeCarrierGatewayTests
{
    [Fact]
    [Trait("Rule", "CAR-3")]
    public async Task Book_GivesTrackingNumbers_PrefixedByCarrier()
    {
        var gateway = new FakeCarrierGateway(Sf);
        var first = await gateway.BookAsync(Shipment("s1", Sf));
        var second = await gateway.BookAsync(Shipment("s2", Sf));

        Assert.True(first.IsBooked);
        Assert.Equal("SF000001", first.TrackingNumber);
        Assert.Equal("SF000002", second.TrackingNumber);
        Assert.Equal(Sf, first.Carrier);
    }

    [Fact]
    public async Task Book_RepeatedKey_ReturnsFirstBooking_WithoutSecondPickup()
    {
        var gateway = new FakeCarrierGateway(Sf);
        var first = await gateway.BookAsync(Shipment("s1", Sf));
        gateway.Behaviour = FakeCarrierBehaviour.Refuse;
        var repeat = await gateway.BookAsync(Shipment("s1", Sf));

        Assert.Same(first, repeat);
        Assert.Single(gateway.Bookings);
        Assert.Equal([PortCallOutcome.Performed, PortCallOutcome.Repeated], gateway.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task RefuseNext_Refuses_ThenBooksSameKey()
    {
        var gateway = new FakeCarrierGateway(Sf);
        gateway.RefuseNext(1);

        var refused = await gateway.BookAsync(Shipment("s1", Sf));
        var booked = await gateway.BookAsync(Shipment("s1", Sf));

        Assert.False(refused.IsBooked);
        Assert.NotNull(refused.Refusal);
        Assert.Equal("SF000001", booked.TrackingNumber);
        Assert.Equal([PortCallOutcome.Refused, PortCallOutcome.Performed], gateway.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task Behaviour_FailAndRefuse_ApplyToEveryCall()
    {
        var gateway = new FakeCarrierGateway(Zto) { Behaviour = FakeCarrierBehaviour.Fail };
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.BookAsync(Shipment("s1", Zto)).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.BookAsync(Shipment("s2", Zto)).AsTask());

        gateway.Behaviour = FakeCarrierBehaviour.Refuse;
        Assert.False((await gateway.BookAsync(Shipment("s1", Zto))).IsBooked);
        Assert.False((await gateway.BookAsync(Shipment("s3", Zto))).IsBooked);
        Assert.Empty(gateway.Bookings);
    }

    [Fact]
    public async Task FailNext_FailsThatManyCalls()
    {
        var gateway = new FakeCarrierGateway(Sf);
        gateway.FailNext(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.BookAsync(Shipment("s1", Sf)).AsTask());
        Assert.True((await gateway.BookAsync(Shipment("s1", Sf))).IsBooked);
    }

    [Fact]
    public async Task Book_RequestForAnotherCarrier_IsRejected()
        => await Assert.ThrowsAsync<ArgumentException>(() => new FakeCarrierGateway(Sf).BookAsync(Shipment("s1", Zto)).AsTask());

    [Fact]
    [Trait("Rule", "SEC-1")]
    public async Task Log_HidesTheStreetAddress()
    {
        using var log = new StringWriter();
        var gateway = new FakeCarrierGateway(Sf) { Log = log };
        await gateway.BookAsync(Shipment("s1", Sf));

        Assert.Contains("shipment s1 for order/42 by sf", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("科技园路", log.ToString(), StringComparison.Ordinal);
    }
}
