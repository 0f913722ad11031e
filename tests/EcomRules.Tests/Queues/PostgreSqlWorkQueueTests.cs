using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.PostgreSql;
using EcomRules.Queues;
using EcomRules.Tests.PostgreSql;
using Npgsql;

namespace EcomRules.Tests.Queues;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWorkQueueTests(PostgreSqlFixture fixture) : WorkQueueStoreTests
{
    private string? _connectionString;

    private const string Schema = "\"ecomrules\"";

    [Theory]
    [InlineData("refunds_awaiting_approval", true)]
    [InlineData("returns_awaiting", false)]
    public async Task AggregateQueues_ReadTheirIndex(string index, bool refunds)
        => Assert.Contains(index, await PlanAsync(PostgreSqlEcomStore.AggregateQueueSql(Schema, refunds), string.Empty, string.Empty, 10, "Requested", "someone"), StringComparison.Ordinal);

    [Fact]
    public async Task TimerQueues_ReadTheirIndex()
        => Assert.Contains("timers_by_kind", await PlanAsync(PostgreSqlEcomStore.TimerQueueSql(Schema, indexed: true),
            "sla-breach", DateTime.UnixEpoch, DateTime.UnixEpoch.AddDays(1), DateTime.UnixEpoch, string.Empty, string.Empty, 10), StringComparison.Ordinal);

    [Fact]
    public async Task EveryTimerQueue_IsInThePartialIndex_AndWarningsAreNot()
    {
        // timers_by_kind holds only these kinds (migration 4): an order's SLA warnings write no entry of it.
        var kinds = new[] { WorkQueueQuery.DispatchDeadlinesBetween(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue), WorkQueueQuery.RunningSlas() }
            .Select(static q => q.TimerKind).OfType<string>().ToArray();
        await OpenStoreAsync();
        await using var dataSource = NpgsqlDataSource.Create(_connectionString!);
        await using var command = dataSource.CreateCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'ecomrules' AND indexname = 'timers_by_kind'");
        var index = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(kinds.Order(StringComparer.Ordinal), PostgreSqlEcomStore.QueuedTimerKinds.Order(StringComparer.Ordinal));
        Assert.All(kinds, kind => Assert.Contains($"'{kind}'", index, StringComparison.Ordinal));
        Assert.DoesNotContain("'sla-warning'", index, StringComparison.Ordinal);
    }

    protected override async Task<IEcomStore> OpenStoreAsync()
    {
        _connectionString = await fixture.CreateDatabaseAsync("queues");
        var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions
        {
            ConnectionString = _connectionString,
            Serializer = EcomSerializer.Default.WithSlaDefinitions(WorkQueueScenario.Policy.Slas.Values),
        });
        await store.MigrateAsync();
        return store;
    }

    /// <summary>
    /// The plan of one of the store's statements, with its parameters, with sequential scans priced out: whether the
    /// index can serve it (tiny tables are scanned otherwise).
    /// </summary>
    private async Task<string> PlanAsync(string sql, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString!);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var parameter in parameters)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join(" | ", plan);
    }
}
