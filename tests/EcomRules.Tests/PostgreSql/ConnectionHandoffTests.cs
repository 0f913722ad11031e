using System.Data;
using EcomRules.Engine;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.Internal;
using Npgsql;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

/// <summary>The read connection a command's save takes over: bounded, expiring, and never in the way of the pool.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ConnectionHandoffTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Take_ReturnsTheConnectionParkedForThatCommand_Once()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var handoff = new ConnectionHandoff(maxPoolSize: 8);
        var connection = await dataSource.OpenConnectionAsync();

        Assert.True(await handoff.TryParkAsync(new CommandId("c1"), connection));
        Assert.Null(await handoff.TakeAsync(new CommandId("other")));
        Assert.Same(connection, await handoff.TakeAsync(new CommandId("c1")));
        Assert.Null(await handoff.TakeAsync(new CommandId("c1")));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Park_BeyondAQuarterOfThePool_OrTwiceForOneCommand_IsRefused()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var handoff = new ConnectionHandoff(maxPoolSize: 8);
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        await using var third = await dataSource.OpenConnectionAsync();

        Assert.Equal(2, handoff.Capacity);
        Assert.True(await handoff.TryParkAsync(new CommandId("c1"), first));
        Assert.False(await handoff.TryParkAsync(new CommandId("c1"), second));
        Assert.True(await handoff.TryParkAsync(new CommandId("c2"), second));
        Assert.False(await handoff.TryParkAsync(new CommandId("c3"), third));
        Assert.Equal(0, new ConnectionHandoff(maxPoolSize: 3).Capacity);
    }

    [Fact]
    public async Task ParkedConnection_WhoseSaveNeverCame_IsClosedAfterItsMaxAge_AndOnDispose()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        var handoff = new ConnectionHandoff(maxPoolSize: 8, maxAge: TimeSpan.FromMilliseconds(50));
        var abandoned = await dataSource.OpenConnectionAsync();
        var later = await dataSource.OpenConnectionAsync();
        Assert.True(await handoff.TryParkAsync(new CommandId("abandoned"), abandoned));

        await Task.Delay(TimeSpan.FromMilliseconds(150));
        Assert.True(await handoff.TryParkAsync(new CommandId("later"), later));

        Assert.Equal(ConnectionState.Closed, abandoned.State);
        Assert.Null(await handoff.TakeAsync(new CommandId("abandoned")));
        await handoff.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, later.State);
    }

    [Fact]
    public async Task Store_ReadsWhoseSavesNeverCome_DoNotExhaustASmallPool()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await fixture.CreateDatabaseAsync()) { MaxPoolSize = 4, Timeout = 5 }.ConnectionString;
        await using var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, Serializer = PostgreSqlStores.Serializer });
        await store.MigrateAsync();

        for (var i = 0; i < 20; i++)
        {
            var (record, target) = await store.FindCommandAndLoadAsync(new CommandId("read-only-" + i), Key("a"));
            Assert.Null(record);
            Assert.Null(target);
        }

        await store.SaveAsync(TimersOnly("c1", Timer("t1", 1)));
        Assert.Equal(1, await store.CountTimersAsync());
        Assert.NotNull(await store.FindCommandAsync(new CommandId("c1")));
    }
}
