using System.Data;
using EcomRules.PostgreSql.Internal;
using Npgsql;

namespace EcomRules.Tests.PostgreSql;

/// <summary>The store's kept-open connections: reused while idle and open, bounded, and handed back to the pool in time.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ConnectionCacheTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Rent_AfterReturn_GivesTheSameOpenConnection()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var cache = new ConnectionCache(dataSource);
        var first = await cache.RentAsync(CancellationToken.None);
        await cache.ReturnAsync(first);

        var again = await cache.RentAsync(CancellationToken.None);

        Assert.Same(first.Connection, again.Connection);
        Assert.Equal(ConnectionState.Open, again.Connection.FullState);
        await cache.ReturnAsync(again);
    }

    [Fact]
    public async Task Return_KeepsAQuarterOfThePoolAtMost_AndNoClosedConnection()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString()) { MaxPoolSize = 8 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var cache = new ConnectionCache(dataSource);
        var rented = new[] { await cache.RentAsync(CancellationToken.None), await cache.RentAsync(CancellationToken.None), await cache.RentAsync(CancellationToken.None) };
        var closed = await cache.RentAsync(CancellationToken.None);
        await closed.Connection.CloseAsync();

        await cache.ReturnAsync(closed);
        foreach (var connection in rented)
        {
            await cache.ReturnAsync(connection);
        }

        Assert.Equal(2, cache.Capacity);
        Assert.Equal(ConnectionState.Open, rented[0].Connection.FullState);
        Assert.Equal(ConnectionState.Open, rented[1].Connection.FullState);
        Assert.Equal(ConnectionState.Closed, rented[2].Connection.FullState);
        var reused = new[] { (await cache.RentAsync(CancellationToken.None)).Connection, (await cache.RentAsync(CancellationToken.None)).Connection };
        Assert.Equal(new HashSet<NpgsqlConnection>([rented[0].Connection, rented[1].Connection]), new HashSet<NpgsqlConnection>(reused));
        Assert.DoesNotContain((await cache.RentAsync(CancellationToken.None)).Connection, rented.Append(closed).Select(r => r.Connection));
    }

    [Fact]
    public async Task ABrokenConnectionComingBack_ClosesTheKeptOnes()
    {
        // After a server restart or failover the kept connections look open but are dead: the first broken one to come
        // back closes them, rather than letting each fail an operation.
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var cache = new ConnectionCache(dataSource);
        var kept = await cache.RentAsync(CancellationToken.None);
        var broken = await cache.RentAsync(CancellationToken.None);
        await cache.ReturnAsync(kept);

        await using (var terminate = dataSource.CreateCommand("SELECT pg_terminate_backend($1)"))
        {
            terminate.Parameters.Add(new NpgsqlParameter<int> { TypedValue = broken.Connection.ProcessID });
            await terminate.ExecuteScalarAsync();
        }

        await using (var fails = new NpgsqlCommand("SELECT 1", broken.Connection))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => fails.ExecuteScalarAsync());
        }

        Assert.True(broken.Connection.FullState.HasFlag(ConnectionState.Broken) || broken.Connection.FullState == ConnectionState.Closed, broken.Connection.FullState.ToString());
        await cache.ReturnAsync(broken);

        Assert.Equal(ConnectionState.Closed, kept.Connection.FullState);
        var next = (await cache.RentAsync(CancellationToken.None)).Connection;
        Assert.NotSame(kept.Connection, next);
        Assert.NotSame(broken.Connection, next);
    }

    [Fact]
    public async Task Connection_IdleLongerThanTheIdleLimit_IsClosedNotReused()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var cache = new ConnectionCache(dataSource, idleLimit: TimeSpan.FromMilliseconds(100));
        var first = await cache.RentAsync(CancellationToken.None);
        await cache.ReturnAsync(first);

        await Task.Delay(TimeSpan.FromMilliseconds(250));
        var next = await cache.RentAsync(CancellationToken.None);

        Assert.NotSame(first.Connection, next.Connection);
        Assert.Equal(ConnectionState.Closed, first.Connection.FullState);
        await cache.ReturnAsync(next);
    }

    [Fact]
    public async Task Connection_OutOfThePoolLongerThanTheHoldLimit_GoesBackOnReturn()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        await using var cache = new ConnectionCache(dataSource, holdLimit: TimeSpan.FromMilliseconds(100));
        var first = await cache.RentAsync(CancellationToken.None);
        await cache.ReturnAsync(first);
        var again = await cache.RentAsync(CancellationToken.None);
        Assert.Same(first.Connection, again.Connection);

        await Task.Delay(TimeSpan.FromMilliseconds(150));
        await cache.ReturnAsync(again);

        Assert.Equal(ConnectionState.Closed, first.Connection.FullState);
        Assert.NotSame(first.Connection, (await cache.RentAsync(CancellationToken.None)).Connection);
    }

    [Fact]
    public async Task Dispose_ClosesKeptConnections_AndLaterReturnsCloseTheirs()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString());
        var cache = new ConnectionCache(dataSource);
        var kept = await cache.RentAsync(CancellationToken.None);
        var late = await cache.RentAsync(CancellationToken.None);
        await cache.ReturnAsync(kept);

        await cache.DisposeAsync();
        await cache.ReturnAsync(late);

        Assert.Equal(ConnectionState.Closed, kept.Connection.FullState);
        Assert.Equal(ConnectionState.Closed, late.Connection.FullState);
    }

    [Theory]
    [InlineData("Pooling=false")]
    [InlineData("Maximum Pool Size=3")]
    public async Task NothingIsKept_WithoutPooling_OrWithATinyPool(string setting)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.Cluster.ConnectionString() + ";" + setting);
        await using var cache = new ConnectionCache(dataSource);
        var rented = await cache.RentAsync(CancellationToken.None);

        await cache.ReturnAsync(rented);

        Assert.Equal(0, cache.Capacity);
        Assert.Equal(ConnectionState.Closed, rented.Connection.FullState);
    }
}
