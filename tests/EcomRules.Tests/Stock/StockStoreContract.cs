using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Stock;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Stock;

/// <summary>
/// The stock aggregates on a real store (run on SQLite and PostgreSQL): a StockItem and a StockReservation round-trip
/// with their versions, and concurrent allocations of the last unit through two engines sharing the store: exactly
/// one wins (WH-3, optimistic concurrency on the item written in the allocation's change set).
/// </summary>
internal static class StockStoreContract
{
    private static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    private static readonly Instant Day = StockFixture.At(new LocalDate(2026, 3, 4), 9);
    private static readonly StockItemId Item = new(EcomRules.Inventory.WarehouseId.Main, "SKU-1");

    public static async Task RoundTripAsync(IEcomStore store, Func<IEcomStore> reopen)
    {
        var engine = new EcomEngine(store, StockOrderFlowTests.Tracked);
        await ReceiveAsync(engine, 5);
        var order = await ConfirmedAsync(engine, "RT-1", 2);
        var allocated = await engine.ExecuteAsync(new AllocateStock(new CommandId("rt-alloc"), Warehouse, Day + Duration.FromMinutes(30), order, "DN-RT-1"));
        Assert.True(allocated.IsAccepted, allocated.Reason);

        var again = reopen();
        var item = await again.LoadAsync(Item.Key);
        Assert.NotNull(item);
        Assert.Equal(2, item.Version);
        var stock = Assert.IsType<StockItem>(item.State);
        Assert.Equal((5, 2, 2L), (stock.OnHand, stock.Reserved, stock.Movements));
        var reservation = await again.LoadAsync(new StockReservationId(order).Key);
        Assert.NotNull(reservation);
        Assert.Equal((1L, "SKU-1", 2), (reservation.Version, ((StockReservation)reservation.State).Lines[0].Sku, ((StockReservation)reservation.State).Lines[0].Quantity));
        Assert.Equal(Assert.IsType<StockReservation>((await store.LoadAsync(new StockReservationId(order).Key))!.State), reservation.State);
        // SEC-3: the allocation is in the item's audit trail.
        Assert.Contains(await again.ReadAuditAsync(Item.Key), a => a.Action == nameof(AllocateStock) && a.Version == 2);
    }

    public static async Task LastUnitAsync(IEcomStore first, IEcomStore second, int orders = 6)
    {
        var options = new EcomEngineOptions { MaxConcurrencyRetries = 50 };
        var engines = new[] { new EcomEngine(first, StockOrderFlowTests.Tracked, options), new EcomEngine(second, StockOrderFlowTests.Tracked, options) };
        await ReceiveAsync(engines[0], 1);
        var ids = new OrderId[orders];
        for (var i = 0; i < orders; i++)
        {
            ids[i] = await ConfirmedAsync(engines[i % 2], "LU-" + i.ToString(CultureInfo.InvariantCulture), 1);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = ids.Select((id, i) => Task.Run(async () =>
        {
            await start.Task;
            return await engines[i % 2].ExecuteAsync(new AllocateStock(new CommandId("lu-alloc-" + id.Value), Warehouse, Day + Duration.FromMinutes(30), id, "DN-" + id.Value));
        })).ToArray();
        start.SetResult();
        var decisions = await Task.WhenAll(tasks);

        Assert.Single(decisions, d => d.IsAccepted);
        Assert.All(decisions.Where(d => !d.IsAccepted), d => Assert.Equal(RuleIds.Wh3, d.RuleId));
        var item = (StockItem)(await first.LoadAsync(Item.Key))!.State;
        Assert.Equal((1, 1, 0), (item.OnHand, item.Reserved, item.Available));
        Assert.Equal(1, await CountAsync(first, ids));
    }

    private static async Task<int> CountAsync(IEcomStore store, OrderId[] ids)
    {
        var count = 0;
        foreach (var id in ids)
        {
            count += await store.LoadAsync(new StockReservationId(id).Key) is null ? 0 : 1;
        }

        return count;
    }

    private static async Task ReceiveAsync(EcomEngine engine, int quantity)
    {
        var received = await engine.ExecuteAsync(new ReceiveStock(new CommandId("receive"), Warehouse, Day, Item, "DN-IN", new LocalDate(2026, 3, 4), quantity, quantity));
        Assert.True(received.IsAccepted, received.Reason);
    }

    private static async Task<OrderId> ConfirmedAsync(EcomEngine engine, string number, int quantity)
    {
        var id = new OrderId(number);
        var placed = await engine.ExecuteAsync(new PlaceOrder(new CommandId(number + "-place"), new Actor("buyer-1", ActorRole.Customer), Day, id,
            SampleBuyers.Private("Zhejiang"), [new OrderLine("SKU-1", quantity, new Money(20m))]));
        Assert.True(placed.IsAccepted, placed.Reason);
        Assert.True((await engine.ExecuteAsync(new PayOrder(new CommandId(number + "-pay"), Actor.System, Day + Duration.FromMinutes(5), id, placed.StateAs<Order>().Total))).IsAccepted);
        Assert.True((await engine.ExecuteAsync(new ConfirmOrder(new CommandId(number + "-confirm"), new Actor("sales-1", ActorRole.Sales), Day + Duration.FromMinutes(10), id))).IsAccepted);
        return id;
    }
}
