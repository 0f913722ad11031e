using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Stock;
using EcomRules.Tests.Stock;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteStockTests
{
    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_a_stock_item_round_trips_through_the_sqlite_store()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var id = StockFixture.Main;
        var actor = StockFixture.Receiver;
        Assert.True((await engine.ExecuteAsync(new ReceiveStock(new CommandId("r1"), actor, StockFixture.Now, id, "DN-1", StockFixture.Today, 10, 10))).IsAccepted);
        Assert.True((await engine.ExecuteAsync(new ReserveStock(new CommandId("r2"), actor, StockFixture.Now, id, 6, "O-1"))).IsAccepted);
        var last = await engine.ExecuteAsync(new ConsumeStock(new CommandId("r3"), actor, StockFixture.Now, id, 4, "O-1", LastWeekSales: 8));
        Assert.True(last.IsAccepted, last.Reason);
        var written = last.StateAs<StockItem>();
        Assert.True(written.LowStockAlerted);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = db.Open(EcomSerializer.Default);
        var loaded = await reopened.LoadAsync(id.Key);
        Assert.NotNull(loaded);
        Assert.Equal(3, loaded.Version);
        Assert.Equal(written, loaded.State);
        var item = Assert.IsType<StockItem>(loaded.State);
        Assert.Equal((6, 2, 4, 3L, 8), (item.OnHand, item.Reserved, item.Available, item.Movements, item.LowStockThreshold!.Value));

        // The refusal of WH-3 holds after the reload: only 4 units are available.
        var again = new EcomEngine(reopened, EcomPolicy.RetailPlatform);
        Assert.Equal(RuleIds.Wh3, (await again.ExecuteAsync(new ReserveStock(new CommandId("r4"), actor, StockFixture.Now, id, 5, "O-2"))).RuleId);
    }
}

public sealed class SqliteStockContractTests
{
    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_stock_item_and_reservation_round_trip_on_sqlite()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        await StockStoreContract.RoundTripAsync(store, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return db.Open(EcomSerializer.Default);
        });
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_concurrent_allocations_of_the_last_unit_on_sqlite_exactly_one_wins()
    {
        using var db = new SqliteTestDatabase();
        await StockStoreContract.LastUnitAsync(db.Open(EcomSerializer.Default), db.Open(EcomSerializer.Default));
    }
}
