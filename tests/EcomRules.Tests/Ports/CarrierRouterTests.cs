using EcomRules.Ports;
using EcomRules.Shipping;
using EcomRules.Testing;
using static EcomRules.Tests.Testing.PortSamples;

namespace EcomRules.Tests.Ports;

public sealed class CarrierRouterTests
{
    private readonly FakeCarrierGateway _sf = new(Sf);
    private readonly FakeCarrierGateway _zto = new(Zto);
    private readonly FakeCarrierGateway _ems = new(Ems);

    private static readonly CarrierId[] Ranked = [Sf, Zto, Ems];

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task Preferred_Books_BackupsUntouched()
    {
        var routing = await Router().BookAsync(Shipment("ship-1", Sf), Ranked);

        Assert.Equal(Sf, routing.Booking.Carrier);
        Assert.Equal("SF000001", routing.Booking.TrackingNumber);
        Assert.False(routing.FailedOver);
        Assert.Empty(_zto.Calls);
    }

    [Theory]
    [InlineData(FakeCarrierBehaviour.Fail, "sf: failed:")]
    [InlineData(FakeCarrierBehaviour.Refuse, "sf: refused:")]
    [Trait("Rule", "CAR-2")]
    public async Task PreferredFailsOrRefuses_BackupBooks(FakeCarrierBehaviour preferred, string attemptStart)
    {
        _sf.Behaviour = preferred;
        var routing = await Router().BookAsync(Shipment("ship-1", Sf), Ranked);

        Assert.Equal(Zto, routing.Booking.Carrier);
        Assert.True(routing.FailedOver);
        Assert.StartsWith(attemptStart, Assert.Single(routing.FailedAttempts), StringComparison.Ordinal);
        Assert.Empty(_sf.Bookings);
        Assert.Empty(_ems.Calls);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task AllFail_ThrowsCarrierUnavailable_NamingEachAttempt()
    {
        _sf.Behaviour = FakeCarrierBehaviour.Fail;
        _zto.Behaviour = FakeCarrierBehaviour.Refuse;
        _ems.Behaviour = FakeCarrierBehaviour.Fail;

        var e = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Router().BookAsync(Shipment("ship-1", Sf), Ranked).AsTask());

        Assert.Equal(RuleIds.Car2, e.RuleId);
        Assert.Equal(Order, e.Order);
        Assert.Equal(3, e.Attempts.Length);
        Assert.StartsWith("sf: failed", e.Attempts[0], StringComparison.Ordinal);
        Assert.StartsWith("zto: refused", e.Attempts[1], StringComparison.Ordinal);
        Assert.StartsWith("ems: failed", e.Attempts[2], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CarrierWithoutGateway_IsSkipped()
    {
        var routing = await new CarrierRouter([_zto]).BookAsync(Shipment("ship-1", Sf), Ranked);

        Assert.Equal(Zto, routing.Booking.Carrier);
        Assert.Equal("sf: no gateway is registered", Assert.Single(routing.FailedAttempts));
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task EachCarrier_GetsItsOwnIdempotencyKey()
    {
        _sf.Behaviour = FakeCarrierBehaviour.Refuse;
        await Router().BookAsync(Shipment("ship-1", Sf), Ranked);

        Assert.Equal("ship-1/sf", Assert.Single(_sf.Calls).IdempotencyKey);
        Assert.Equal("ship-1/zto", Assert.Single(_zto.Calls).IdempotencyKey);
        Assert.Equal(Zto, Assert.Single(_zto.Bookings).Request.Carrier);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task RetryOfWholeRequest_RepeatsNoBooking()
    {
        _sf.Behaviour = FakeCarrierBehaviour.Refuse;
        var router = Router();
        var first = await router.BookAsync(Shipment("ship-1", Sf), Ranked);
        var retry = await router.BookAsync(Shipment("ship-1", Sf), Ranked);

        Assert.Equal(first.Booking, retry.Booking);
        Assert.Single(_zto.Bookings);
        Assert.Equal(PortCallOutcome.Repeated, _zto.Calls[1].Outcome);
    }

    [Fact]
    public async Task Cancellation_IsNotSwallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Router().BookAsync(Shipment("ship-1", Sf), Ranked, cancelled.Token).AsTask());
        Assert.Empty(_zto.Calls);
        Assert.Empty(_ems.Calls);
    }

    [Fact]
    public void TwoGatewaysForOneCarrier_AreRefused()
        => Assert.Throws<ArgumentException>(() => new CarrierRouter([_sf, new FakeCarrierGateway(Sf)]));

    private CarrierRouter Router() => new([_sf, _zto, _ems]);
}
