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
    private const string Schema = "\"ecomrules\"";

    private string? _connectionString;

    [Fact]
    public async Task RefundApproval_ReadsItsIndexInOrder()
        => await AssertIndexOrderAsync("refunds_awaiting_approval", PostgreSqlEcomStore.AggregateQueueSql(Schema, refunds: true),
            ("text", string.Empty), ("text", string.Empty), ("integer", 10), ("text", "SalesDepartmentHead"), ("text", "dept-1"));

    [Fact]
    public async Task Returns_ReadTheirIndexInOrder()
        => await AssertIndexOrderAsync("returns_awaiting", PostgreSqlEcomStore.AggregateQueueSql(Schema, refunds: false),
            ("text", string.Empty), ("text", string.Empty), ("integer", 10), ("text", "Requested"));

    [Fact]
    public async Task TimerQueues_ReadTheirIndexInOrder()
        => await AssertIndexOrderAsync("timers_by_kind", PostgreSqlEcomStore.TimerQueueSql(Schema, indexed: true),
            ("text", "sla-breach"), ("timestamptz", DateTime.UnixEpoch), ("timestamptz", DateTime.UnixEpoch.AddDays(1)), ("timestamptz", DateTime.UnixEpoch),
            ("text", string.Empty), ("text", string.Empty), ("integer", 10));

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
    /// Asserts that one of the store's statements reads <paramref name="index"/> in its order (an index scan, no sort),
    /// both as planned for these values and as a generic plan, which a prepared statement may run (a connection string
    /// with automatic preparation): only literal kinds and states let that plan prove the partial index's WHERE.
    /// Sequential scans are priced out, since tiny tables are scanned otherwise.
    /// </summary>
    private async Task AssertIndexOrderAsync(string index, string sql, params (string Type, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString!);
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET enable_seqscan = off");
        var custom = await PlanAsync(connection, "EXPLAIN " + sql, parameters);
        await ExecuteAsync(connection, "SET plan_cache_mode = force_generic_plan");

        // PREPARE in a DO block: sent as a statement of its own, its $1..$n would be read as the message's parameters.
        await ExecuteAsync(connection, $"DO $do$ BEGIN EXECUTE $sql$PREPARE queue_read ({string.Join(", ", parameters.Select(static p => p.Type))}) AS {sql}$sql$; END $do$");
        var generic = await PlanAsync(connection, $"EXPLAIN EXECUTE queue_read ({string.Join(", ", parameters.Select(static p => Literal(p.Value)))})", []);

        foreach (var plan in new[] { custom, generic })
        {
            Assert.Contains("Index Scan using " + index, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    // EXECUTE takes no parameters of the message that carries it: its arguments are literals.
    private static string Literal(object value) => value switch
    {
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateTime instant => "'" + instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "'",
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("No literal for " + value.GetType().Name, nameof(value)),
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, string explain, (string Type, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(explain, connection);
        foreach (var (_, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join(" | ", plan);
    }
}
