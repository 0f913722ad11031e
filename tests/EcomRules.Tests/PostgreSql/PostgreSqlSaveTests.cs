using EcomRules.Engine;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

/// <summary>What the PostgreSQL store's save does beyond the store contract.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSaveTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Timers_RequestedTwiceInOneChangeSet_TakeTheLastRequest()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(TimersOnly("c0", Timer("moved", 1), Timer("kept", 2)));

        await store.SaveAsync(TimersOnly("c1",
            Timer("moved", 5), Cancel("moved"), Timer("moved", 7),
            Timer("new", 3), Timer("new", 4),
            Cancel("kept"), Timer("kept", 6),
            Timer("gone", 8), Cancel("gone")));

        Assert.Equal([Timer("new", 4), Timer("kept", 6), Timer("moved", 7)], await store.ReadTimersAsync());
    }

    private static TimerRequest Cancel(string id) => new(id, Key("a"), "sla-breach", null);
}
