using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.PostgreSql;
using EcomRules.Tests.PostgreSql;

namespace EcomRules.Tests.Queues;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWorkQueueTests(PostgreSqlFixture fixture) : WorkQueueStoreTests
{
    protected override async Task<IEcomStore> OpenStoreAsync()
    {
        var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions
        {
            ConnectionString = await fixture.CreateDatabaseAsync("queues"),
            Serializer = EcomSerializer.Default.WithSlaDefinitions(WorkQueueScenario.Policy.Slas.Values),
        });
        await store.MigrateAsync();
        return store;
    }
}
