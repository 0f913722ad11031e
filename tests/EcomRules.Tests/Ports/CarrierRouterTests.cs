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
    public async Task FirstAttempt_AsksPreferredOnly()
    {
        var routing = await Router().BookAsync(Shipment("ship-1", Sf), Ranked, attempt: 0);

        Assert.Equal(Sf, routing.Booking.Carrier);
        Assert.Equal("SF000001", routing.Booking.TrackingNumber);
        Assert.False(routing.FailedOver);
        Assert.Empty(_zto.Calls);
        Assert.Empty(_ems.Calls);
    }

    [Theory]
    [InlineData(FakeCarrierBehaviour.Fail, "sf: failed:")]
    [InlineData(FakeCarrierBehaviour.Refuse, "sf: refused:")]
    [Trait("Rule", "CAR-2")]
    public async Task PreferredFailsOrRefuses_AttemptThrows_NextAttemptAsksBackup(FakeCarrierBehaviour preferred, string attemptStart)
    {
        _sf.Behaviour = preferred;
        var router = Router();

        var e = await Assert.ThrowsAsync<CarrierUnavailableException>(() => router.BookAsync(Shipment("ship-1", Sf), Ranked, attempt: 0).AsTask());
        Assert.StartsWith(attemptStart, Assert.Single(e.Attempts), StringComparison.Ordinal);
        Assert.Empty(_zto.Calls); // the backup waits for the next delivery attempt

        var routing = await router.BookAsync(Shipment("ship-1", Sf), Ranked, attempt: 1);
        Assert.Equal(Zto, routing.Booking.Carrier);
        Assert.True(routing.FailedOver);
        Assert.Equal(1, routing.Rank);
        Assert.Empty(_sf.Bookings);
        Assert.Empty(_ems.Calls);
    }

    [Theory]
    [InlineData(0, "sf")]
    [InlineData(1, "zto")]
    [InlineData(2, "ems")]
    [InlineData(3, "ems")]
    [InlineData(50, "ems")]
    [Trait("Rule", "CAR-2")]
    public async Task Attempt_ChoosesRankedCarrier_CappedAtLast(int attempt, string carrier)
    {
        var routing = await Router().BookAsync(Shipment("ship-1", Sf), Ranked, attempt);
        Assert.Equal(new CarrierId(carrier), routing.Booking.Carrier);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CarrierWithoutGateway_FailsThatAttempt()
    {
        var e = await Assert.ThrowsAsync<CarrierUnavailableException>(() => new CarrierRouter([_zto]).BookAsync(Shipment("ship-1", Sf), Ranked, 0).AsTask());

        Assert.Equal(RuleIds.Car2, e.RuleId);
        Assert.Equal(Order, e.Order);
        Assert.Equal("sf: no gateway is registered", Assert.Single(e.Attempts));
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task EachCarrier_GetsItsOwnIdempotencyKey()
    {
        // sf refuses, so attempt 1 finds no sf booking and asks zto (a booked sf would be the answer, CAR-2).
        _sf.Behaviour = FakeCarrierBehaviour.Refuse;
        await Assert.ThrowsAsync<CarrierUnavailableException>(() => Router().BookAsync(Shipment("ship-1", Sf), Ranked, 0).AsTask());
        await Router().BookAsync(Shipment("ship-1", Sf), Ranked, 1);

        Assert.Equal("ship-1/sf", Assert.Single(_sf.Calls).IdempotencyKey);
        Assert.Equal("ship-1/zto", Assert.Single(_zto.Calls).IdempotencyKey);
        Assert.Equal(Zto, Assert.Single(_zto.Bookings).Request.Carrier);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CrashAfterBooking_RetryOfSameAttempt_RepeatsNoBooking()
    {
        // The backup booked, then the process died before the outbox recorded anything: the attempt count is unchanged,
        // so the redelivery asks the SAME carrier with the SAME key, and the preferred carrier is never asked again.
        _sf.Behaviour = FakeCarrierBehaviour.Refuse;
        var router = Router();
        await Assert.ThrowsAsync<CarrierUnavailableException>(() => router.BookAsync(Shipment("ship-1", Sf), Ranked, 0).AsTask());
        var first = await router.BookAsync(Shipment("ship-1", Sf), Ranked, 1);
        _sf.Behaviour = FakeCarrierBehaviour.Book;
        var retry = await router.BookAsync(Shipment("ship-1", Sf), Ranked, 1);

        Assert.Equal(first.Booking, retry.Booking);
        Assert.Single(_zto.Bookings);
        Assert.Equal(PortCallOutcome.Repeated, _zto.Calls[1].Outcome);
        Assert.Empty(_sf.Bookings);
    }

    [Fact]
    public async Task Cancellation_IsNotSwallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Router().BookAsync(Shipment("ship-1", Sf), Ranked, 0, cancelled.Token).AsTask());
        Assert.Empty(_zto.Calls);
    }

    [Fact]
    public async Task NoCarriers_IsRefused()
        => await Assert.ThrowsAsync<ArgumentException>(() => Router().BookAsync(Shipment("ship-1", Sf), [], 0).AsTask());

    [Fact]
    public void TwoGatewaysForOneCarrier_AreRefused()
        => Assert.Throws<ArgumentException>(() => new CarrierRouter([_sf, new FakeCarrierGateway(Sf)]));

    private CarrierRouter Router() => new([_sf, _zto, _ems]);
}
