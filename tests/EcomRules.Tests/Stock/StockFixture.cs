using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Policies;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Stock;

/// <summary>Drives stock items through <see cref="EcomEngine"/> on an in-memory store, keeping every accepted event.</summary>
internal sealed class StockFixture
{
    internal static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    internal static readonly Actor Receiver = new("wh-1", ActorRole.Warehouse);
    internal static readonly Actor Counter = new("wh-2", ActorRole.Warehouse);
    internal static readonly LocalDate Today = new(2026, 3, 3);
    internal static readonly Instant Now = At(Today);
    internal static readonly StockItemId Main = new(WarehouseId.Main, "SKU-A");
    internal static readonly StockItemId Central = new(WarehouseId.Central, "SKU-A");
    private int _next;

    internal StockFixture(EcomPolicy? policy = null)
    {
        Store = new InMemoryEcomStore();
        Engine = new EcomEngine(Store, policy ?? EcomPolicy.RetailPlatform);
    }

    internal InMemoryEcomStore Store { get; }

    internal EcomEngine Engine { get; }

    /// <summary>Every event of every accepted decision, in order.</summary>
    internal List<DomainEvent> Events { get; } = [];

    internal static Instant At(LocalDate day, int hour = 10) => day.At(new LocalTime(hour, 0)).InZoneStrictly(Zone).ToInstant();

    internal CommandId NextId() => new("s" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs a command synchronously: the in-memory store completes every call at once.</summary>
    internal Decision Run(EcomCommand command)
    {
        var pending = Engine.ExecuteAsync(command);
        Assert.True(pending.IsCompleted);
        var decision = pending.Result;
        if (decision.IsAccepted)
        {
            Events.AddRange(decision.Events);
        }

        return decision;
    }

    internal StockItem Ok(EcomCommand command)
    {
        var decision = Run(command);
        Assert.True(decision.IsAccepted, decision.Reason);
        return decision.StateAs<StockItem>();
    }

    internal StoredAggregate? Load(StockItemId id)
    {
        var pending = Store.LoadAsync(id.Key);
        Assert.True(pending.IsCompleted);
        return pending.Result;
    }

    internal StockItem? Item(StockItemId id) => Load(id)?.State as StockItem;

    internal ReceiveStock Receive(StockItemId id, int quantity, string note = "DN-1")
        => new(NextId(), Receiver, Now, id, note, Today, quantity, quantity);

    internal ReserveStock Reserve(StockItemId id, int quantity, string order = "O-1") => new(NextId(), Receiver, Now, id, quantity, order);

    internal ReleaseStock Release(StockItemId id, int quantity, string order = "O-1") => new(NextId(), Receiver, Now, id, quantity, order);

    internal ConsumeStock Consume(StockItemId id, int quantity, int? lastWeekSales = null, string order = "O-1")
        => new(NextId(), Receiver, Now, id, quantity, order, lastWeekSales);

    internal IEnumerable<StockMoved> Movements(StockItemId id) => Events.OfType<StockMoved>().Where(m => m.Source == id.Key);

    /// <summary>Runs a command that must be refused and checks that it changed nothing (DESIGN: a refusal never changes the aggregate).</summary>
    internal Decision Refused(EcomCommand command)
    {
        var key = command.Target;
        var before = Store.LoadAsync(key).Result;
        var events = Events.Count;
        var decision = Run(command);
        Assert.True(decision.IsRefused, "expected a refusal: " + decision);
        var after = Store.LoadAsync(key).Result;
        Assert.Equal(before?.Version, after?.Version);
        Assert.Same(before?.State, after?.State);
        Assert.Equal(events, Events.Count);
        return decision;
    }
}
