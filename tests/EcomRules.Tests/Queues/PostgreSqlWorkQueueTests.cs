using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.PostgreSql;
using EcomRules.Queues;
using EcomRules.Tests.PostgreSql;
using NodaTime;
using Npgsql;

namespace EcomRules.Tests.Queues;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWorkQueueTests(PostgreSqlFixture fixture) : WorkQueueStoreTests
{
    private const string Schema = "\"ecomrules\"";

    private string? _connectionString;

    [Fact]
    [Trait("Rule", "REF-2")]
    public async Task RefundApproval_ReadsItsIndexInOrder()
    {
        var first = WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "dept-1");
        await AssertIndexOrderAsync("refunds_awaiting_approval", first);
        await AssertIndexOrderAsync("refunds_awaiting_approval", first.NextAfter(new WorkItem(WorkQueue.RefundApproval, WorkQueueScenario.Refund(1).Key, string.Empty, WorkQueueScenario.T0)));
    }

    [Fact]
    [Trait("Rule", "RET-3")]
    public async Task Returns_ReadTheirIndexInOrder()
        => await AssertIndexOrderAsync("returns_awaiting", WorkQueueQuery.ReturnsAwaitingInspection());

    [Fact]
    public async Task TimerQueues_ReadTheirIndexInOrder()
    {
        await AssertIndexOrderAsync("timers_by_kind", WorkQueueQuery.RunningSlas());
        await AssertIndexOrderAsync("timers_by_kind", WorkQueueQuery.DispatchDeadlinesBetween(WorkQueueScenario.T0, WorkQueueScenario.T0 + Duration.FromDays(30)));
    }

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
    /// Asserts that the store's statement for <paramref name="query"/> reads <paramref name="index"/> in its order (an
    /// index scan, no sort), both as planned for its values and as a generic plan, which a prepared statement may run
    /// (a connection string with automatic preparation): only literal kinds and states let that plan prove the partial
    /// index's WHERE. Sequential scans are priced out, since tiny tables are scanned otherwise.
    /// </summary>
    private async Task AssertIndexOrderAsync(string index, WorkQueueQuery query)
    {
        var (sql, parameters) = PostgreSqlEcomStore.QueueStatement(Schema, query);
        var values = parameters.Select(static p => p.Value!).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(_connectionString!);
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET enable_seqscan = off");
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        explain.Parameters.AddRange(parameters);
        var custom = await PlanAsync(explain);
        await ExecuteAsync(connection, "SET plan_cache_mode = force_generic_plan");

        // PREPARE in a DO block: sent as a statement of its own, its $1..$n would be read as the message's parameters;
        // and EXECUTE takes no parameters of the message that carries it: its arguments are literals.
        await ExecuteAsync(connection, $"DO $do$ BEGIN EXECUTE $sql$PREPARE queue_read ({string.Join(", ", values.Select(TypeOf))}) AS {sql}$sql$; END $do$");
        await using var execute = new NpgsqlCommand($"EXPLAIN EXECUTE queue_read ({string.Join(", ", values.Select(Literal))})", connection);
        var generic = await PlanAsync(execute);

        foreach (var plan in new[] { custom, generic })
        {
            Assert.Contains("Index Scan using " + index, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    private static string TypeOf(object value) => value switch
    {
        string => "text",
        DateTime => "timestamptz",
        int => "integer",
        _ => throw new ArgumentException("No type for " + value.GetType().Name, nameof(value)),
    };

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

    private static async Task<string> PlanAsync(NpgsqlCommand explain)
    {
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join(" | ", plan);
    }
}
