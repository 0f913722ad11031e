using EcomRules.Tests.Stock;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStockContractTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_stock_item_and_reservation_round_trip_on_postgresql()
    {
        var connection = await fixture.CreateDatabaseAsync("stock");
        await using var store = await InspectablePostgreSqlStore.OpenAsync(connection);
        await using var reopened = await InspectablePostgreSqlStore.OpenAsync(connection);
        await StockStoreContract.RoundTripAsync(store, () => reopened);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_concurrent_allocations_of_the_last_unit_on_postgresql_from_two_hosts_exactly_one_wins()
    {
        var connection = await fixture.CreateDatabaseAsync("stock");
        await using var first = await InspectablePostgreSqlStore.OpenAsync(connection);
        await using var second = await InspectablePostgreSqlStore.OpenAsync(connection);
        await StockStoreContract.LastUnitAsync(first, second);
    }
}
