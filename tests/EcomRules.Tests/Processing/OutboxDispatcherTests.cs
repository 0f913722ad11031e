using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Processing;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Processing;

public sealed class OutboxDispatcherTests
{
    private static readonly Instant Later = T0 + Duration.FromHours(1);

    [Fact]
    [Trait("Rule", "INV-1")]
    public async Task InvoiceShipmentAndSms_ComeBackThroughThePorts()
    {
        var f = new ProcessingFixture(new InMemoryEcomStore());
        await f.AllocatedAsync("o1");

        await f.DrainAsync(Later);

        var order = await f.OrderAsync("o1");
        Assert.Equal(OrderState.Shipped, order.State);
        Assert.Equal("INV-000001", order.InvoiceNumber);
        Assert.Equal("SF000001", order.TrackingNumber);
        Assert.Equal("o1/allocate/1", Assert.Single(f.Invoices.Issued).Request.IdempotencyKey);
        Assert.EndsWith("/sf", Assert.Single(f.Sf.Bookings).Request.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal("order-shipped", Assert.Single(f.Notifier.Sent).Template);
        Assert.Equal(0, f.Dispatcher.Failed);
        Assert.Equal(0, (await ((InMemoryEcomStore)f.Store).GetOutboxStatisticsAsync()).Pending);
    }

    [Fact]
    [Trait("Rule", "INV-1")]
    public async Task CrashAfterPortCall_Redelivery_HasOneEffect()
    {
        var store = new InMemoryEcomStore();
        using var crash = new CancellationTokenSource();
        var crashing = new ProcessingFixture(store, outbox: new CrashingOutbox<InvoiceRequested>(store, crash));
        await crashing.AllocatedAsync("o1");

        // The first dispatcher issues the invoice and records it, then dies before completing the message.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.Dispatcher.RunOnceAsync("crashed", Later, crash.Token).AsTask());
        Assert.Single(crashing.Invoices.Issued);

        // Another dispatcher, sharing the same ports, claims it once the lease (1 minute) has expired.
        var survivor = new OutboxDispatcher(store, crashing.Engine, crashing.Invoices, new EcomRules.Ports.CarrierRouter([crashing.Sf, crashing.Zto, crashing.Ems]), crashing.Notifier);
        await survivor.RunOnceAsync("survivor", Later + Duration.FromSeconds(30));
        Assert.Single(crashing.Invoices.Calls); // still leased by the crashed owner
        for (var i = 0; i < 5; i++)
        {
            await survivor.RunOnceAsync("survivor", Later + Duration.FromMinutes(2));
        }

        Assert.Single(crashing.Invoices.Issued);
        Assert.Contains(crashing.Invoices.Calls, c => c.Outcome == PortCallOutcome.Repeated);
        Assert.Single(crashing.Sf.Bookings);
        Assert.Single(crashing.Notifier.Sent);
        Assert.Equal(OrderState.Shipped, (await crashing.OrderAsync("o1")).State);
        Assert.Single(await store.ReadAuditAsync(new OrderId("o1").Key), a => a.Action == nameof(RecordInvoice));
    }

    [Fact]
    public async Task Failures_BackOffExponentially_ThenDeliver()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store, new OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(10), MaxBackoff = Duration.FromSeconds(15) });
        await f.AllocatedAsync("o1");
        f.Invoices.FailNext(3);

        await f.Dispatcher.RunOnceAsync("d", Later);
        Assert.Equal(1, f.Dispatcher.Failed);
        var invoice = (await store.ClaimOutboxAsync("peek", 10, Later + Duration.FromSeconds(10), Duration.FromTicks(1))).Single(e => e.Message.Event is InvoiceRequested);
        Assert.Equal(1, invoice.Attempts);
        Assert.Equal(Later + Duration.FromSeconds(10), invoice.AvailableAt);
        Assert.Contains("simulated", invoice.LastError, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(0, await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(9)));
        Assert.Equal(1, await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(11)));
        Assert.Equal(2, f.Dispatcher.Failed);

        // Second failure: 20 s capped at 15 s.
        Assert.Equal(0, await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(25)));
        Assert.Equal(1, await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(27)));
        await f.DrainAsync(Later + Duration.FromMinutes(1));

        Assert.Equal(3, f.Dispatcher.Failed);
        Assert.Single(f.Invoices.Issued);
        Assert.Equal(OrderState.Shipped, (await f.OrderAsync("o1")).State);
    }

    [Fact]
    public async Task DeadLetter_AfterMaxAttempts_IsVisible_AndCanBeRetried()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store, new OutboxDispatcherOptions { MaxAttempts = 3, InitialBackoff = Duration.FromSeconds(1) });
        await f.AllocatedAsync("o1");
        f.Invoices.FailNext(100);

        for (var i = 0; i < 5; i++)
        {
            await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromMinutes(i));
        }

        Assert.Equal(3, f.Dispatcher.Failed);
        Assert.Equal(1, f.Dispatcher.DeadLettered);
        var dead = Assert.Single(await store.ReadDeadLettersAsync(10));
        Assert.IsType<InvoiceRequested>(dead.Message.Event);
        Assert.Equal(3, dead.Attempts);
        Assert.True(dead.IsDeadLetter);
        Assert.Equal(1, (await store.GetOutboxStatisticsAsync()).DeadLetters);

        f.Invoices.FailNext(0);
        Assert.True(await store.RetryDeadLetterAsync(dead.Sequence, Later + Duration.FromHours(1)));
        Assert.False(await store.RetryDeadLetterAsync(dead.Sequence, Later + Duration.FromHours(1)));
        await f.DrainAsync(Later + Duration.FromHours(1));

        Assert.Empty(await store.ReadDeadLettersAsync(10));
        Assert.Equal(OrderState.Shipped, (await f.OrderAsync("o1")).State);
    }

    [Fact]
    [Trait("Rule", "CAR-2")]
    public async Task PreferredCarrierFails_NextAttemptAsksBackup_AndRedeliveryNeverAsksPreferredAgain()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store, new OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(1) });
        await f.AllocatedAsync("o1");
        await f.Dispatcher.RunOnceAsync("d", Later); // invoice → ShipmentRequested
        f.Sf.Behaviour = FakeCarrierBehaviour.Fail;

        await f.Dispatcher.RunOnceAsync("d", Later + Duration.FromSeconds(1)); // attempt 0: sf fails
        Assert.Single(f.Sf.Calls);
        Assert.Empty(f.Zto.Calls);

        f.Sf.Behaviour = FakeCarrierBehaviour.Book; // sf is healthy again: it must not book too
        await f.DrainAsync(Later + Duration.FromMinutes(1)); // attempt 1: zto books

        var order = await f.OrderAsync("o1");
        var ranked = f.Engine.Policy.Carriers.Rank(order.ShipTo.Province).Select(c => c.Carrier).ToArray();
        Assert.Equal("sf", ranked[0].Value);
        Assert.Equal(OrderState.Shipped, order.State);
        Assert.Equal(ranked[1], order.Carrier);
        Assert.Empty(f.Sf.Bookings);
        Assert.Single(new[] { f.Zto, f.Ems }.SelectMany(g => g.Bookings));
    }

    [Fact]
    public async Task BackoffAfter_DoublesUpToTheCap()
    {
        var options = new OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(10), MaxBackoff = Duration.FromMinutes(1) };
        Assert.Equal(Duration.FromSeconds(10), options.BackoffAfter(1));
        Assert.Equal(Duration.FromSeconds(20), options.BackoffAfter(2));
        Assert.Equal(Duration.FromSeconds(40), options.BackoffAfter(3));
        Assert.Equal(Duration.FromMinutes(1), options.BackoffAfter(4));
        Assert.Equal(Duration.FromMinutes(1), options.BackoffAfter(500));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxAttempts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Lease = Duration.Zero);
    }
}
