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
    public async Task SLA8_StartingAnSla_SchedulesTheBreachAndTheFirstWarning_WhichSchedulesTheNextWhenItFires()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var sla = (await f.OrderAsync("o1")).Sla("SLA-1")!;
        var status = sla.Evaluate(T0, Policy.Calendar);

        var timers = store.Timers.Where(t => t.TimerId.StartsWith("order/o1/SLA-1", StringComparison.Ordinal)).ToDictionary(t => t.TimerId, StringComparer.Ordinal);
        Assert.Equal(["order/o1/SLA-1", "order/o1/SLA-1/warning-1"], timers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(status.CurrentBreachAt, timers["order/o1/SLA-1"].DueAt);
        Assert.Equal("sla-warning", timers["order/o1/SLA-1/warning-1"].Kind);
        Assert.Equal(status.Warnings[0].DueAt, timers["order/o1/SLA-1/warning-1"].DueAt);
        Assert.Equal(7, store.Timers.Count(t => t.DueAt is not null)); // SLA-1..3 with a warning each, and the dispatch deadline

        // The 50 % warning fires and passes the chain on to the 75 % one, due where the schedule put it.
        await f.Scheduler.RunOnceAsync("s", status.Warnings[0].DueAt!.Value);
        var next = Assert.Single(store.Timers, t => t.TimerId.StartsWith("order/o1/SLA-1/", StringComparison.Ordinal));
        Assert.Equal(("order/o1/SLA-1/warning-2", status.Warnings[1].DueAt), (next.TimerId, next.DueAt));
        Assert.True(next.DueAt < timers["order/o1/SLA-1"].DueAt);

        // The 75 % warning is the last: firing it schedules nothing more, and the breach timer stays.
        await f.Scheduler.RunOnceAsync("s", status.Warnings[1].DueAt!.Value);
        Assert.Equal(["order/o1/SLA-1"], store.Timers.Where(t => t.TimerId.StartsWith("order/o1/SLA-1", StringComparison.Ordinal)).Select(t => t.TimerId));
        await f.DrainAsync(status.Warnings[1].DueAt!.Value);
        Assert.Equal([0.5m, 0.75m], store.Outbox.Select(m => m.Message.Event).OfType<SlaWarningRaised>().Where(w => w.SlaId == "SLA-1").Select(w => w.Threshold));
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_AWarningFiredLate_PassesTheChainOnToAReachedNextOne_WhichFiresAtOnce_AndNothingAfterTheBreach()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var status = (await f.OrderAsync("o1")).Sla("SLA-1")!.Evaluate(T0, Policy.Calendar);
        var pastBoth = status.Warnings[1].DueAt!.Value + Duration.FromSeconds(1);

        // The first warning executed past both thresholds (the scheduler fires at a timer's due instant, but a recomputed
        // timer can be due in the past, DSP-1): it is raised, and the second, due already, is scheduled to fire next.
        var first = await f.Engine.ExecuteAsync(new RecordDeadlinePassed(new("w1"), Actor.System, pastBoth, new OrderId("o1"), "sla-warning", "SLA-1/warning-1"));
        Assert.Single(first.Events.OfType<SlaWarningRaised>());
        var chained = Assert.Single(store.Timers, t => t.TimerId == "order/o1/SLA-1/warning-2");
        Assert.Equal(status.Warnings[1].DueAt, chained.DueAt);
        var second = await f.Engine.ExecuteAsync(new RecordDeadlinePassed(new("w2"), Actor.System, pastBoth, new OrderId("o1"), "sla-warning", "SLA-1/warning-2"));
        Assert.Equal(0.75m, Assert.Single(second.Events.OfType<SlaWarningRaised>()).Threshold);
        Assert.DoesNotContain(store.Timers, t => t.TimerId == "order/o1/SLA-1/warning-3"); // the last threshold: the chain ends

        // After the breach a warning raises nothing and schedules nothing.
        var afterBreach = await f.Engine.ExecuteAsync(new RecordDeadlinePassed(new("w3"), Actor.System, status.CurrentBreachAt!.Value, new OrderId("o1"), "sla-warning", "SLA-1/warning-1"));
        Assert.True(afterBreach.IsAccepted);
        Assert.Empty(afterBreach.Events);
        Assert.Equal(2, store.Timers.Count(t => t.TimerId.StartsWith("order/o1/SLA-1/", StringComparison.Ordinal))); // warning-1 (executed here, not by the scheduler) and warning-2: no third
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_AWarningTimerThatCameEarly_SchedulesItselfAgainAtItsThreshold()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await PaidAsync(f, "o1");
        var status = (await f.OrderAsync("o1")).Sla("SLA-1")!.Evaluate(T0, Policy.Calendar);

        var outcome = SlaSchedule.DeadlinePassed((await f.OrderAsync("o1")).Sla, new OrderId("o1").Key, "Order o1", SlaSchedule.WarningTimerKind, "SLA-1/warning-1", T0 + Duration.FromSeconds(1), Policy);

        Assert.True(outcome.IsAccepted);
        Assert.Empty(outcome.Events);
        var again = Assert.Single(outcome.Timers);
        Assert.Equal(("order/o1/SLA-1/warning-1", status.Warnings[0].DueAt), (again.TimerId, again.DueAt));
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
        Assert.Equal(["order/o1/SLA-3", "order/o1/SLA-3/warning-1"], requests.Select(r => r.TimerId)); // the breach and the first warning

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

        // Reset at 11:00: a new cycle, so the chain starts again at the 50 % warning (11:30); the 75 % one (11:45) is
        // cancelled until that one fires.
        var reset = new List<TimerRequest>();
        slas = SlaSchedule.Change(slas, "SLA-3", t => t.Reset(start + Duration.FromMinutes(120)), Policy, key, start + Duration.FromMinutes(120), reset);
        var afterReset = reset.ToDictionary(r => r.TimerId, r => r.DueAt, StringComparer.Ordinal);
        Assert.Equal(start + Duration.FromMinutes(150), afterReset["order/o1/SLA-3/warning-1"]);
        Assert.Null(afterReset["order/o1/SLA-3/warning-2"]);
        var fired = SlaSchedule.DeadlinePassed(id => slas.FirstOrDefault(t => t.Definition.Id == id), key, "Order o1", SlaSchedule.WarningTimerKind, "SLA-3/warning-1", start + Duration.FromMinutes(150), Policy);
        var chained = Assert.Single(fired.Timers);
        Assert.Equal(("order/o1/SLA-3/warning-2", start + Duration.FromMinutes(165)), (chained.TimerId, chained.DueAt));
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
