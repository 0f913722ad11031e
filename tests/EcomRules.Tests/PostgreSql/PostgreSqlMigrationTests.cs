using EcomRules.PostgreSql;
using Npgsql;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMigrationTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Migrate_SeveralHostsAtOnce_AppliesEachMigrationOnce()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4)
            .Select(_ => new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }))
            .ToArray();
        try
        {
            var applied = await Task.WhenAll(stores.Select(s => s.MigrateAsync().AsTask()));

            Assert.Equal(PostgreSqlEcomStore.LatestSchemaVersion, applied.Sum());
            Assert.Equal(0, await stores[0].MigrateAsync());
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var count = dataSource.CreateCommand("SELECT count(*), max(version) FROM ecomrules.schema_version");
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(PostgreSqlEcomStore.LatestSchemaVersion, reader.GetInt64(0));
            Assert.Equal(PostgreSqlEcomStore.LatestSchemaVersion, reader.GetInt32(1));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Migrate_NewerSchemaInDatabase_Throws()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = await PostgreSqlStores.OpenAsync(connectionString);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var bump = dataSource.CreateCommand("INSERT INTO ecomrules.schema_version (version) VALUES (999)"))
        {
            await bump.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync().AsTask());
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaName_KeepsStoresApart()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var first = await PostgreSqlStores.OpenAsync(connectionString, "shop_a");
        await using var second = await PostgreSqlStores.OpenAsync(connectionString, "shop_b");
        await first.SaveAsync(PostgreSqlTestData.TimersOnly("c1", PostgreSqlTestData.Timer("t1", 0)));

        Assert.Equal(1, await first.CountTimersAsync());
        Assert.Equal(0, await second.CountTimersAsync());
    }
}
