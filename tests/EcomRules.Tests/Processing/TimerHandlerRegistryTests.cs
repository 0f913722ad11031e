using System.Collections.Concurrent;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Returns;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Processing;

public sealed class TimerHandlerRegistryTests
{
    private static readonly Actor Buyer = new("buyer-1", ActorRole.Customer);
    private static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    private static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_EveryTimerKindAnyCommandSchedules_HasAHandler()
    {
        // Every module's commands, end to end: order lifecycle to completion, a cancellation, and a return case of
        // each kind; every timer request any change set carried is recorded.
        var inner = new InMemoryEcomStore();
        var store = new RecordingStore(inner);
        var f = new ProcessingFixture(store, outbox: inner, timers: inner);
        await ReceivedAsync(f, "o1");
        await ReceivedAsync(f, "o2");
        await ReceivedAsync(f, "o3");
        await f.AllocatedAsync("o4");
        await f.RunAsync(new CancelOrder(new("o4/cancel"), Buyer, T0 + Duration.FromHours(1), new OrderId("o4"), "changed my mind"));
        var at = T0 + Duration.FromDays(2);
        await CompletedCaseAsync(f, new ReturnCaseId(new OrderId("o1"), "1"), ReturnKind.Return, at);
        await CompletedCaseAsync(f, new ReturnCaseId(new OrderId("o2"), "1"), ReturnKind.Exchange, at);
        await CompletedCaseAsync(f, new ReturnCaseId(new OrderId("o3"), "1"), ReturnKind.Repair, at);
        await f.RunAsync(Request(new ReturnCaseId(new OrderId("o1"), "2"), ReturnKind.Return, at)); // left open: SLA-6 runs out
        while (await f.Scheduler.RunOnceAsync("s", T0 + Duration.FromDays(60)) > 0)
        {
        }

        var kinds = store.TimerKinds.Keys.ToArray();
        Assert.Contains((ReturnCaseId.Kind, "sla-breach"), kinds);
        Assert.Contains((ReturnCaseId.Kind, "sla-warning"), kinds);
        Assert.Contains((OrderId.Kind, "sla-warning"), kinds);
        Assert.All(kinds, k => Assert.True(EcomModules.TimerHandlers.Handles(k.AggregateKind, k.TimerKind), $"No handler for {k.TimerKind} on {k.AggregateKind}"));
        Assert.Equal(0, f.Scheduler.Unhandled);
        Assert.Equal(0, await inner.CountTimersAsync());
    }

    [Fact]
    [Trait("Rule", "SLA-6")]
    public async Task SLA6_UnansweredReturnRequest_Breaches()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await ReceivedAsync(f, "o1");
        var id = new ReturnCaseId(new OrderId("o1"), "1");
        await f.RunAsync(Request(id, ReturnKind.Return, T0 + Duration.FromDays(2)));

        while (await f.Scheduler.RunOnceAsync("s", T0 + Duration.FromDays(10)) > 0)
        {
        }

        var breach = Assert.Single(store.Outbox.Select(m => m.Message.Event).OfType<SlaBreached>(), e => e.Source == id.Key);
        Assert.Equal("SLA-6", breach.SlaId);
        Assert.Equal(["SLA-6", "SLA-6"], store.Outbox.Select(m => m.Message.Event).OfType<SlaWarningRaised>().Where(e => e.Source == id.Key).Select(e => e.SlaId));
        Assert.Equal(0, f.Scheduler.Unhandled);
        Assert.DoesNotContain(store.Timers, t => t.Target == id.Key); // every timer of the case fired and was completed
    }

    [Fact]
    [Trait("Rule", "SLA-7")]
    public async Task SLA7_ReceivedButNotRestocked_Breaches()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await ReceivedAsync(f, "o1");
        var id = new ReturnCaseId(new OrderId("o1"), "1");
        var at = T0 + Duration.FromDays(2);
        await f.RunAsync(Request(id, ReturnKind.Return, at));
        await f.RunAsync(new DecideReturn(new("d"), Service, at + Duration.FromHours(1), id, true, "meets the standard"));
        await f.RunAsync(new RecordReturnShipment(new("s"), Buyer, at + Duration.FromHours(2), id, "YT1", new Money(8m)));
        await f.RunAsync(new InspectReturn(new("i"), Warehouse, at + Duration.FromHours(3), id, true, true));

        while (await f.Scheduler.RunOnceAsync("s", at + Duration.FromDays(10)) > 0)
        {
        }

        Assert.Equal(["SLA-7"], store.Outbox.Select(m => m.Message.Event).OfType<SlaBreached>().Where(e => e.Source == id.Key).Select(e => e.SlaId));
        Assert.Equal(0, f.Scheduler.Unhandled);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_UnknownKind_IsReportedOnceKeptAndRetried_NeverCompleted()
    {
        var store = new InMemoryEcomStore();
        var diagnostics = new RecordingDiagnostics();
        var engine = new EcomEngine(store, EcomRules.Policies.EcomPolicy.RetailPlatform, diagnostics: diagnostics);
        var scheduler = new TimerScheduler(store, engine, EcomModules.TimerHandlers, new TimerSchedulerOptions { UnhandledRetry = Duration.FromHours(1) });
        var key = new AggregateKey("stock", "1");
        var record = new IdempotencyRecord(new("c"), "f", key, DecisionStatus.Accepted, RefusalCode.None, default, "x", 1);
        await store.SaveAsync(new ChangeSet(record, [], [], [], [new TimerRequest("stock/1/low", key, "low-stock", T0), new TimerRequest("stock/1/low2", key, "low-stock", T0)]));

        Assert.Equal(2, await scheduler.RunOnceAsync("s", T0));
        Assert.Equal(2, scheduler.Unhandled);
        Assert.Equal(0, scheduler.Fired);
        Assert.Equal(2, await store.CountTimersAsync()); // kept, not completed
        Assert.Equal([true, false], diagnostics.Unhandled.Select(u => u.First)); // reported once per kind as the first

        // Postponed: not claimed again within the retry delay (so it blocks no other timer), claimed again after it.
        Assert.Equal(0, await scheduler.RunOnceAsync("s", T0 + Duration.FromMinutes(30)));
        Assert.Equal(2, await scheduler.RunOnceAsync("s", T0 + Duration.FromHours(2)));
        Assert.Equal(2, await store.CountTimersAsync());

        // Once a module registers the kind, the same timer fires at its own due instant.
        var registered = EcomModules.TimerHandlers.Add("stock", "low-stock",
            static (timer, id) => new RecordDeadlinePassed(id, Actor.System, timer.DueAt, new OrderId("none"), "dispatch-deadline", null));
        var later = new TimerScheduler(store, engine, registered);
        await later.RunOnceAsync("s2", T0 + Duration.FromHours(4));
        Assert.Equal(2, later.Fired);
        Assert.Equal(0, await store.CountTimersAsync());
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_ATimerThatFailsToFire_IsReportedAndKept_AndTheRestOfItsBatchFires()
    {
        // A handler that cannot build its command (first by due instant, so it leads every claim) and a command that
        // throws in the store: each fails alone, is reported with its exception, and stays for its lease; the timers
        // behind them fire in the same run.
        var inner = new InMemoryEcomStore();
        var unreadable = new AggregateKey(OrderId.Kind, "unreadable");
        var store = new ThrowingLoadStore(inner, unreadable);
        var diagnostics = new RecordingDiagnostics();
        var engine = new EcomEngine(store, EcomRules.Policies.EcomPolicy.RetailPlatform, diagnostics: diagnostics);
        var handlers = TimerHandlerRegistry.Empty
            .Add("custom", "poison", static (_, _) => throw new FormatException("cannot build this timer's command"))
            .Add("custom", "deadline", static (timer, id) => new RecordDeadlinePassed(id, Actor.System, timer.DueAt, new OrderId(timer.TimerId.Split('/')[^1]), "sla-breach", "SLA-1"));
        var scheduler = new TimerScheduler(inner, engine, handlers, new TimerSchedulerOptions { Lease = Duration.FromMinutes(1) });
        var key = new AggregateKey("custom", "1");
        var record = new IdempotencyRecord(new("c"), "f", key, DecisionStatus.Accepted, RefusalCode.None, default, "x", 1);
        await inner.SaveAsync(new ChangeSet(record, [], [], [], [
            new TimerRequest("custom/1/poison", key, "poison", T0),
            new TimerRequest("custom/1/unreadable", key, "deadline", T0 + Duration.FromSeconds(1)),
            new TimerRequest("custom/1/missing-1", key, "deadline", T0 + Duration.FromSeconds(2)),
            new TimerRequest("custom/1/missing-2", key, "deadline", T0 + Duration.FromSeconds(3))]));

        Assert.Equal(4, await scheduler.RunOnceAsync("s", T0 + Duration.FromMinutes(1)));
        Assert.Equal(2, scheduler.Fired); // the two behind the failures (their orders do not exist: refused, completed)
        Assert.Equal(2, scheduler.Failed);
        Assert.Equal(["custom/1/poison", "custom/1/unreadable"], diagnostics.Failed.Select(f => f.Timer.TimerId));
        Assert.IsType<FormatException>(diagnostics.Failed[0].Exception);
        Assert.IsType<System.Text.Json.JsonException>(diagnostics.Failed[1].Exception);
        Assert.Equal(2, await inner.CountTimersAsync());

        // Kept claimed until the lease expires, then fired again at the same due instant.
        Assert.Equal(0, await scheduler.RunOnceAsync("s", T0 + Duration.FromMinutes(1.5)));
        Assert.Equal(2, await scheduler.RunOnceAsync("s", T0 + Duration.FromMinutes(3)));
        Assert.Equal(4, scheduler.Failed);
        Assert.All(diagnostics.Failed, f => Assert.True(f.Timer.DueAt < T0 + Duration.FromSeconds(2)));
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_EveryDeclaredTimerKind_HasAHandler()
    {
        // Every module declares its timer kinds as constants named *TimerKind: a new module's kind fails here until
        // the module registers its handler.
        var declared = typeof(EcomEngine).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("TimerKind", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        var handled = EcomModules.TimerHandlers.Kinds.Select(k => k.TimerKind).ToHashSet(StringComparer.Ordinal);

        Assert.True(declared.Length >= 4, $"{declared.Length} timer kinds declared");
        Assert.All(declared, kind => Assert.Contains(kind, handled));
    }

    [Fact]
    public void Registry_RefusesASecondHandlerForTheSameKind()
        => Assert.Throws<ArgumentException>(() => EcomModules.TimerHandlers.Add(OrderId.Kind, "sla-breach", static (t, id) => throw new InvalidOperationException()));

    [Fact]
    public void DefaultRegistry_CoversOrdersReturnCasesAndLedgers()
        => Assert.Equal(
            [("admin-roster", "credential-rotation"), ("complaint", "sla-breach"), ("complaint", "sla-warning"), ("delivery", "stock-in-deadline"), ("follow-up", "sla-breach"), ("follow-up", "sla-warning"), ("merchant", "permission-decision-due"), ("merchant", "re-review-due"), ("order", "auto-complete"), ("order", "dispatch-deadline"), ("order", "sla-breach"), ("order", "sla-warning"), ("return", "sla-breach"), ("return", "sla-warning"),
                ("sales-day", "daily-ledger")],
            EcomModules.TimerHandlers.Kinds.ToArray());

    internal static RequestReturn Request(ReturnCaseId id, ReturnKind kind, Instant at)
        => new(new($"{id}/request"), Buyer, at, id, kind, ReturnReason.QualityProblem, null, ["photo-1.jpg"], [new ReturnLine("SKU-1", 1)]);

    /// <summary>Allocated, invoiced, shipped (through the fake ports) and signed for a day after <see cref="T0"/>.</summary>
    internal static async Task ReceivedAsync(ProcessingFixture f, string id)
    {
        await f.AllocatedAsync(id);
        await f.DrainAsync(T0 + Duration.FromHours(1));
        await f.DrainAsync(T0 + Duration.FromHours(1));
        await f.RunAsync(new RecordTrackingEvent(new($"{id}/signed"), Actor.System, T0 + Duration.FromDays(1), new OrderId(id), TrackingEventKind.Signed));
    }

    private static async Task CompletedCaseAsync(ProcessingFixture f, ReturnCaseId id, ReturnKind kind, Instant at)
    {
        await f.RunAsync(Request(id, kind, at));
        await f.RunAsync(new DecideReturn(new($"{id}/decide"), Service, at + Duration.FromHours(1), id, true, "meets the standard"));
        await f.RunAsync(new RecordReturnShipment(new($"{id}/ship"), Buyer, at + Duration.FromHours(2), id, "YT1", new Money(8m)));
        await f.RunAsync(new InspectReturn(new($"{id}/inspect"), Warehouse, at + Duration.FromHours(3), id, true, true));
        await f.RunAsync(new RestockReturn(new($"{id}/restock"), Warehouse, at + Duration.FromHours(4), id));
    }

    /// <summary>A store that records the (aggregate kind, timer kind) of every timer request saved.</summary>
    private sealed class RecordingStore(IEcomStore inner) : IEcomStore
    {
        public ConcurrentDictionary<(string AggregateKind, string TimerKind), bool> TimerKinds { get; } = new();

        public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

        public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(commandId, cancellationToken);

        public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
        {
            foreach (var timer in changes.Timers)
            {
                TimerKinds.TryAdd((timer.Target.Kind, timer.Kind), true);
            }

            return inner.SaveAsync(changes, cancellationToken);
        }

        public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(key, cancellationToken);
    }

    /// <summary>A store whose stored state for one key cannot be read (as a row written by an unknown release).</summary>
    private sealed class ThrowingLoadStore(InMemoryEcomStore inner, AggregateKey unreadable) : IEcomStore
    {
        public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
            => key == unreadable ? throw new System.Text.Json.JsonException("The stored state cannot be read.") : inner.LoadAsync(key, cancellationToken);

        public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(commandId, cancellationToken);

        public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default) => inner.SaveAsync(changes, cancellationToken);

        public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(key, cancellationToken);
    }

    private sealed class RecordingDiagnostics : Diagnostics.IEcomDiagnostics
    {
        public List<(DueTimer Timer, bool First)> Unhandled { get; } = [];

        public void CommandDecided(EcomCommand command, Decision decision)
        {
        }

        public void ConcurrencyRetry(EcomCommand command, ConcurrencyConflictException conflict, int attempt)
        {
        }

        public List<(DueTimer Timer, Exception Exception)> Failed { get; } = [];

        public void TimerUnhandled(DueTimer timer, bool firstOfItsKind) => Unhandled.Add((timer, firstOfItsKind));

        public void TimerFailed(DueTimer timer, Exception exception) => Failed.Add((timer, exception));
    }
}
