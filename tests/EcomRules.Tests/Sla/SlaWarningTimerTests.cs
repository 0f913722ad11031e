using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Sla;
using EcomRules.Testing;
using EcomRules.Tests.Processing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Sla;

public sealed class SlaWarningTimerTests
{
    private static readonly EcomPolicy Policy = EcomPolicy.RetailPlatform;

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_StartingAnSla_SchedulesADurableTimerPerWarningThreshold()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var sla = (await f.OrderAsync("o1")).Sla("SLA-1")!;
        var status = sla.Evaluate(T0, Policy.Calendar);

        var timers = store.Timers.Where(t => t.TimerId.StartsWith("order/o1/SLA-1", StringComparison.Ordinal)).ToDictionary(t => t.TimerId, StringComparer.Ordinal);
        Assert.Equal(status.CurrentBreachAt, timers["order/o1/SLA-1"].DueAt);
        Assert.Equal("sla-warning", timers["order/o1/SLA-1/warning-1"].Kind);
        Assert.Equal(status.Warnings[0].DueAt, timers["order/o1/SLA-1/warning-1"].DueAt);
        Assert.Equal(status.Warnings[1].DueAt, timers["order/o1/SLA-1/warning-2"].DueAt);
        Assert.True(timers["order/o1/SLA-1/warning-1"].DueAt < timers["order/o1/SLA-1/warning-2"].DueAt);
        Assert.True(timers["order/o1/SLA-1/warning-2"].DueAt < timers["order/o1/SLA-1"].DueAt);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_StoppingAnSla_CancelsItsWarningTimers()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        await f.RunAsync(new ConfirmOrder(new("o1/confirm"), Orders.OrderScenario.Sales, T0 + Duration.FromMinutes(2), new OrderId("o1")));

        Assert.DoesNotContain(store.Timers, t => t.TimerId.StartsWith("order/o1/SLA-1", StringComparison.Ordinal) || t.TimerId.StartsWith("order/o1/SLA-2", StringComparison.Ordinal));
        Assert.Contains(store.Timers, t => t.TimerId == "order/o1/SLA-3/warning-1");
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_Warning_FiresOnce_WarnsStaffNotTheCustomer_WithAnEventOnTheAggregate()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var half = (await f.OrderAsync("o1")).Sla("SLA-1")!.Evaluate(T0, Policy.Calendar).Warnings[0].DueAt!.Value;

        await f.Scheduler.RunOnceAsync("s", half);
        await f.Scheduler.RunOnceAsync("s", half); // again: nothing is due twice
        await f.DrainAsync(half);

        var raised = Assert.Single(store.Outbox.Select(m => m.Message.Event).OfType<SlaWarningRaised>());
        Assert.Equal((new OrderId("o1").Key, "SLA-1", 0.5m), (raised.Source, raised.SlaId, raised.Threshold));
        var staff = Assert.Single(f.Notifier.SentToStaff);
        Assert.Equal("sla-warning", staff.Template);
        Assert.Contains("SLA-1", staff.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Notifier.Sent, n => n.Template == "sla-warning");

        // Executing the same warning timer again (a lease expired mid-fire) has no second effect.
        var again = await f.Engine.ExecuteAsync(new RecordDeadlinePassed(
            EcomRules.Processing.TimerScheduler.CommandIdFor(new EcomRules.Ports.DueTimer("order/o1/SLA-1/warning-1", new OrderId("o1").Key, "sla-warning", half)),
            Actor.System, half, new OrderId("o1"), "sla-warning", "SLA-1/warning-1"));
        Assert.True(again.IsReplay);
        Assert.Single(store.Outbox.Select(m => m.Message.Event).OfType<SlaWarningRaised>());
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_WarningOfAnSlaStoppedInTime_RaisesNothing()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var late = T0 + Duration.FromDays(5);
        var decision = await f.RunAsync(new ConfirmOrder(new("o1/confirm"), Orders.OrderScenario.Sales, T0 + Duration.FromMinutes(1), new OrderId("o1")));
        Assert.True(decision.IsAccepted);

        var warning = await f.RunAsync(new RecordDeadlinePassed(new("w"), Actor.System, late, new OrderId("o1"), "sla-warning", "SLA-1/warning-2"));

        Assert.Empty(warning.Events);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_PauseResumeReset_MoveTheBreachAndTheUnreachedWarnings()
    {
        var key = new OrderId("o1").Key;
        var start = T0; // a Wednesday, 09:00: SLA-3 is one working hour
        var requests = new List<TimerRequest>();
        var slas = SlaSchedule.Start([], Policy, key, start, requests, "SLA-3");
        Assert.Equal(3, requests.Count); // breach and two warnings

        // Paused at 09:40 (the 50 % warning at 09:30 has been reached): every timer is cancelled while paused.
        var paused = new List<TimerRequest>();
        slas = SlaSchedule.Change(slas, "SLA-3", t => t.Pause(start + Duration.FromMinutes(40), "waiting for the customer"), Policy, key, start + Duration.FromMinutes(40), paused);
        Assert.All(paused, r => Assert.Null(r.DueAt));

        // Resumed at 10:40: the breach moves by the hour paused; the reached 50 % warning stays cancelled (it never
        // fires twice); the 75 % one moves to 10:45.
        var resumed = new List<TimerRequest>();
        slas = SlaSchedule.Change(slas, "SLA-3", t => t.Resume(start + Duration.FromMinutes(100)), Policy, key, start + Duration.FromMinutes(100), resumed);
        var byId = resumed.ToDictionary(r => r.TimerId, r => r.DueAt, StringComparer.Ordinal);
        Assert.Equal(start + Duration.FromMinutes(120), byId["order/o1/SLA-3"]);
        Assert.Null(byId["order/o1/SLA-3/warning-1"]);
        Assert.Equal(start + Duration.FromMinutes(105), byId["order/o1/SLA-3/warning-2"]);

        // Reset at 11:00: a new cycle, so both warnings are due again.
        var reset = new List<TimerRequest>();
        SlaSchedule.Change(slas, "SLA-3", t => t.Reset(start + Duration.FromMinutes(120)), Policy, key, start + Duration.FromMinutes(120), reset);
        var afterReset = reset.ToDictionary(r => r.TimerId, r => r.DueAt, StringComparer.Ordinal);
        Assert.Equal(start + Duration.FromMinutes(150), afterReset["order/o1/SLA-3/warning-1"]);
        Assert.Equal(start + Duration.FromMinutes(165), afterReset["order/o1/SLA-3/warning-2"]);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_WarningThresholds_ComeFromThePolicy()
    {
        var builder = Policy.ToBuilder();
        builder.Slas["SLA-1"] = Policy.Sla("SLA-1").WithWarningThresholds(0.9m);
        var store = new InMemoryEcomStore();
        var engine = new EcomEngine(store, builder.Build());
        var order = new OrderId("o1");
        var placed = await engine.ExecuteAsync(new PlaceOrder(new("p"), Orders.OrderScenario.Customer, T0, order, Orders.OrderScenario.PrivateBuyer(), Orders.OrderScenario.Lines(("SKU-1", 1, 10m))));
        await engine.ExecuteAsync(new PayOrder(new("pay"), Actor.System, T0, order, placed.StateAs<Order>().Total));

        Assert.Equal(["order/o1/SLA-1/warning-1"], store.Timers.Where(t => t.TimerId.StartsWith("order/o1/SLA-1/", StringComparison.Ordinal)).Select(t => t.TimerId));
    }

    private static async Task PaidAsync(ProcessingFixture f, string id)
    {
        var order = new OrderId(id);
        await f.RunAsync(new PlaceOrder(new($"{id}/place"), Orders.OrderScenario.Customer, T0, order, Orders.OrderScenario.PrivateBuyer(), Orders.OrderScenario.Lines(("SKU-1", 1, 10m))));
        await f.RunAsync(new PayOrder(new($"{id}/pay"), Actor.System, T0, order, (await f.OrderAsync(id)).Total));
    }
}
