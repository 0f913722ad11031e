using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Processing;

public sealed class TimerSchedulerTests
{
    [Fact]
    [Trait("Rule", "ORD-1")]
    public async Task AutoComplete_FiresOnceInEffect_EvenWhenFiredTwice()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await f.AllocatedAsync("o1");
        await f.DrainAsync(T0 + Duration.FromHours(1));
        await f.RunAsync(new RecordTrackingEvent(new("o1/signed"), Actor.System, T0 + Duration.FromDays(2), new OrderId("o1"), TrackingEventKind.Signed));
        var closes = (await f.OrderAsync("o1")).ReturnWindowClosesAt!.Value;

        // A first owner claims the timer and fires it, then dies before completing it.
        var claimed = Assert.Single(await store.ClaimDueTimersAsync("crashed", 10, closes, Duration.FromMinutes(1)), t => t.Kind == RecordTrackingEvent.AutoCompleteTimerKind);
        await f.Engine.ExecuteAsync(new CompleteOrder(TimerScheduler.CommandIdFor(claimed), Actor.System, claimed.DueAt, new OrderId("o1")));

        // Before the lease expires nobody else fires it; after, the scheduler fires it again with the same command ID.
        Assert.Equal(0, await f.Scheduler.RunOnceAsync("survivor", closes + Duration.FromSeconds(30)));
        await f.Scheduler.RunOnceAsync("survivor", closes + Duration.FromMinutes(2));

        Assert.Equal(OrderState.Completed, (await f.OrderAsync("o1")).State);
        Assert.Single(await store.ReadAuditAsync(new OrderId("o1").Key), a => a.Action == nameof(CompleteOrder));
        Assert.Single(store.Outbox, m => m.Message.Event is OrderCompleted);
        Assert.DoesNotContain(store.Timers, t => t.Kind == RecordTrackingEvent.AutoCompleteTimerKind);
        Assert.True(f.Scheduler.Fired >= 1);
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public async Task PaidButNeverShipped_RaisesBreachesAndDispatchDeadlineMissed()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        var order = new OrderId("o1");
        await f.RunAsync(new PlaceOrder(new("p"), Tests.Orders.OrderScenario.Customer, T0, order, Tests.Orders.OrderScenario.PrivateBuyer(), Tests.Orders.OrderScenario.Lines(("SKU-1", 1, 10m))));
        await f.RunAsync(new PayOrder(new("pay"), Actor.System, T0, order, (await f.OrderAsync("o1")).Total));
        var timers = store.Timers;
        var version = (await store.LoadAsync(order.Key))!.Version;

        while (await f.Scheduler.RunOnceAsync("s", T0 + Duration.FromDays(30)) > 0)
        {
        }

        // SLA-8: each SLA's first warning, firing, scheduled its second.
        Assert.Equal(timers.Count + 3, f.Scheduler.Fired);
        Assert.Equal(0, await store.CountTimersAsync());
        var breaches = store.Outbox.Select(m => m.Message.Event).OfType<SlaBreached>().Select(e => e.SlaId).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["SLA-1", "SLA-2", "SLA-3"], breaches);
        Assert.Single(store.Outbox, m => m.Message.Event is DispatchDeadlineMissed);
        Assert.Equal(version, (await store.LoadAsync(order.Key))!.Version); // no workflow state changed
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task StoppedSla_OrShippedOrder_RaisesNothing()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await f.AllocatedAsync("o1");
        await f.DrainAsync(T0 + Duration.FromHours(1));
        var order = new OrderId("o1");
        var late = T0 + Duration.FromDays(30);

        var sla = await f.RunAsync(new RecordDeadlinePassed(new("d1"), Actor.System, late, order, "sla-breach", "SLA-1"));
        var dispatch = await f.RunAsync(new RecordDeadlinePassed(new("d2"), Actor.System, late, order, PayOrder.DispatchDeadlineTimerKind, null));

        Assert.Empty(sla.Events);
        Assert.Empty(dispatch.Events);
        var unknown = await f.Engine.ExecuteAsync(new RecordDeadlinePassed(new("d3"), Actor.System, late, order, "sla-breach", "SLA-99"));
        Assert.Equal(RefusalCode.InvalidInput, unknown.Code);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_UnknownKinds_AreKeptNotCompleted()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        var key = new AggregateKey("custom", "1");
        var record = new IdempotencyRecord(new("c"), "f", key, DecisionStatus.Accepted, RefusalCode.None, default, "x", 1);
        await store.SaveAsync(new ChangeSet(record, [], [], [], [new TimerRequest("custom/1/ping", key, "ping", T0)]));

        Assert.Equal(1, await f.Scheduler.RunOnceAsync("s", T0));
        Assert.Equal(1, f.Scheduler.Unhandled);
        Assert.Equal(0, f.Scheduler.Fired);
        Assert.Equal(1, await store.CountTimersAsync());
    }

    [Fact]
    public void CommandId_IsDerivedFromTimerAndDueInstant()
        => Assert.Equal($"timer/order/1/SLA-1/{T0.ToUnixTimeTicks()}",
            TimerScheduler.CommandIdFor(new DueTimer("order/1/SLA-1", new OrderId("1").Key, "sla-breach", T0)).Value);
}
