using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Shipping;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEngineTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "ORD-1")]
    public async Task OrderLifecycle_ThroughTheEngine_RoundTripsOrderAndEvents()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        await ShipAsync(engine, store, "PG-1");

        var order = (Order)(await store.LoadAsync(new OrderId("PG-1").Key))!.State;
        Assert.Equal(OrderState.Shipped, order.State);
        Assert.Equal(6, (await store.ReadAuditAsync(order.Id.Key)).Count);
        Assert.Contains(await store.ReadOutboxAsync(), m => m.Message.Event is OrderShipped);
    }

    [Fact]
    public async Task EightWriters_OnOneOrder_LoseNoUpdate()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 50 });
        var key = new OrderId("PG-8").Key;
        await ShipAsync(engine, store, "PG-8");
        var before = (await store.LoadAsync(key))!.Version;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var kind = i % 2 == 0 ? TrackingEventKind.InTransit : TrackingEventKind.OutForDelivery;
            return await engine.ExecuteAsync(new RecordTrackingEvent(new CommandId("track-" + i.ToString(CultureInfo.InvariantCulture)), Carrier,
                At(2026, 3, 5, 8, i), new OrderId("PG-8"), kind));
        })).ToArray();
        start.SetResult();
        var decisions = await Task.WhenAll(writers);

        Assert.All(decisions, d => Assert.True(d.IsAccepted, d.ToString()));
        Assert.Equal(before + 8, (await store.LoadAsync(key))!.Version);
        Assert.Equal(Enumerable.Range(1, (int)before + 8).Select(v => (long)v), (await store.ReadAuditAsync(key)).Select(a => a.Version));
        Assert.Equal(8, (await store.ReadOutboxAsync()).Count(m => m.Message.Event is TrackingEventRecorded));
        Assert.Equal(decisions.Select(d => d.Version).Order(), Enumerable.Range((int)before + 1, 8).Select(v => (long)v));
    }

    [Fact]
    public async Task SameCommandTwice_Concurrently_HasOneEffect()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var place = new PlaceOrder(new CommandId("place-twice"), Customer, At(2026, 3, 4, 9), new OrderId("PG-2"), PrivateBuyer(), Lines(("SKU-1", 1, 10m)));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => engine.ExecuteAsync(place).AsTask())));

        Assert.All(decisions, d => Assert.True(d.IsAccepted, d.ToString()));
        Assert.Equal(1, (await store.LoadAsync(new OrderId("PG-2").Key))!.Version);
        Assert.Single(await store.ReadAuditAsync(new OrderId("PG-2").Key));
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public async Task PurgeAudit_DeletesOnlyEntriesPastRetention()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        await ShipAsync(engine, store, "PG-6");
        var key = new OrderId("PG-6").Key;
        var trail = await store.ReadAuditAsync(key);

        Assert.Equal(0, await store.Store.PurgeAuditAsync(trail[0].RetainUntil - Duration.FromSeconds(1)));
        Assert.Equal(trail.Count, (await store.ReadAuditAsync(key)).Count);
        Assert.Equal(1, await store.Store.PurgeAuditAsync(trail[0].RetainUntil));
        Assert.Equal(trail.Skip(1), await store.ReadAuditAsync(key));
    }

    /// <summary>Places, pays, confirms, allocates, invoices and ships an order on Wednesday 2026-03-04.</summary>
    internal static async Task ShipAsync(EcomEngine engine, EcomRules.Ports.IEcomStore store, string id)
    {
        var orderId = new OrderId(id);
        await RequireAsync(engine, new PlaceOrder(Next(id, 1), Customer, At(2026, 3, 4, 9), orderId, PrivateBuyer(), Lines(("SKU-1", 2, 50m))));
        var total = ((Order)(await store.LoadAsync(orderId.Key))!.State).Total;
        await RequireAsync(engine, new PayOrder(Next(id, 2), OrderScenario.System, At(2026, 3, 4, 9, 5), orderId, total));
        await RequireAsync(engine, new ConfirmOrder(Next(id, 3), Sales, At(2026, 3, 4, 9, 10), orderId));
        await RequireAsync(engine, new AllocateStock(Next(id, 4), Warehouse, At(2026, 3, 4, 9, 30), orderId, "DN-" + id));
        await RequireAsync(engine, new RecordInvoice(Next(id, 5), OrderScenario.System, At(2026, 3, 4, 10), orderId, "INV-" + id, total));
        await RequireAsync(engine, new RecordShipment(Next(id, 6), Carrier, At(2026, 3, 4, 10, 20), orderId, new CarrierId("sf"), "SF" + id));
    }

    private static CommandId Next(string id, int step) => new(id + "/" + step.ToString(CultureInfo.InvariantCulture));

    private static async Task RequireAsync(EcomEngine engine, EcomCommand command)
    {
        var decision = await engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, decision.ToString());
    }
}
