using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;
using static EcomRules.Tests.Testing.PortSamples;

namespace EcomRules.Tests.Processing;

public sealed class CarrierTimeoutTests
{
    private static readonly Instant Later = T0 + Duration.FromHours(1);

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CAR2_BookedThenTimedOut_RetryFindsTheBooking_OneParcel()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store, new OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(1) });
        await f.AllocatedAsync("o1");
        await f.Dispatcher.RunOnceAsync("d", Later); // invoice → ShipmentRequested
        f.Sf.Behaviour = FakeCarrierBehaviour.BookThenTimeOut;

        await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(1)); // attempt 0: sf books, the answer times out
        Assert.Equal(1, f.Dispatcher.Failed);
        Assert.Single(f.Sf.Bookings);

        await f.DrainAsync(Later + Duration.FromMinutes(1)); // attempt 1 would ask the backup: sf's booking is found first

        var order = await f.OrderAsync("o1");
        Assert.Equal(OrderState.Shipped, order.State);
        Assert.Equal(new Shipping.CarrierId("sf"), order.Carrier);
        Assert.Equal(f.Sf.Bookings[0].Result.TrackingNumber, order.TrackingNumber);
        Assert.Single(new[] { f.Sf, f.Zto, f.Ems }.SelectMany(g => g.Bookings)); // one parcel
        Assert.Empty(f.Zto.Calls);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CAR2_Router_LooksUpEarlierCarriersBeforeFailingOver()
    {
        var sf = new FakeCarrierGateway(Sf) { Behaviour = FakeCarrierBehaviour.BookThenTimeOut };
        var zto = new FakeCarrierGateway(Zto);
        var router = new CarrierRouter([sf, zto]);

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => router.BookAsync(Shipment("ship-1", Sf), [Sf, Zto], 0).AsTask());
        var retry = await router.BookAsync(Shipment("ship-1", Sf), [Sf, Zto], 1);

        Assert.Equal(0, retry.Rank);
        Assert.Equal(Sf, retry.Booking.Carrier);
        Assert.Empty(zto.Calls);
        Assert.Equal(retry.Booking, await sf.FindBookingAsync("ship-1/sf"));
        Assert.Null(await sf.FindBookingAsync("ship-2/sf"));
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task CAR2_CarrierThatCannotLookUp_StillFailsOver()
    {
        var zto = new FakeCarrierGateway(Zto);
        var router = new CarrierRouter([new NoLookupGateway(), zto]);

        var routing = await router.BookAsync(Shipment("ship-1", Sf), [Sf, Zto], 1);

        Assert.Equal(Zto, routing.Booking.Carrier);
        Assert.Single(zto.Bookings);
    }

    private sealed class NoLookupGateway : ICarrierGateway
    {
        public Shipping.CarrierId Carrier => Sf;

        public ValueTask<ShipmentBooking> BookAsync(ShipmentRequest request, CancellationToken cancellationToken = default)
            => throw new TimeoutException("no answer");
    }
}
