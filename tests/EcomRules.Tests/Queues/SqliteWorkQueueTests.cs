using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.Queues;
using EcomRules.Sqlite;
using EcomRules.Tests.Sqlite;

namespace EcomRules.Tests.Queues;

public sealed class SqliteWorkQueueTests : WorkQueueStoreTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("refunds_awaiting_approval", "kind = 'refund' AND json_extract(json, '$.state') = 'Requested' AND json_extract(json, '$.approverRole') = 'x' AND json_extract(json, '$.requestedBy') <> 'y'")]
    [InlineData("returns_awaiting", "kind = 'return' AND json_extract(json, '$.state') = 'Requested'")]
    public void AggregateQueues_ReadTheirIndex(string index, string where)
        => Assert.Contains(index, Plan($"SELECT id FROM aggregates WHERE {where} ORDER BY json_extract(json, '$.requestedAt'), id LIMIT 10"), StringComparison.Ordinal);

    [Fact]
    public void TheDispatchDeadlineQueue_ReadsThePartialIndex_AndTheRunningSlas_ReadTimersDueInDueOrder()
    {
        // The statements the store runs, with their parameters as literals.
        static string Bound(string sql, string kind) => System.Text.RegularExpressions.Regex.Replace(
            sql.Replace("$kind", $"'{kind}'", StringComparison.Ordinal).Replace("$afterId", "''", StringComparison.Ordinal).Replace("$afterTimer", "''", StringComparison.Ordinal),
            @"\$\w+", "10");

        Assert.Contains("USING INDEX timers_by_kind", Plan(Bound(SqliteEcomStore.TimersSql, "dispatch-deadline")), StringComparison.Ordinal);
        var running = Plan(Bound(SqliteEcomStore.DueOrderTimersSql, "sla-breach"));
        Assert.Contains("USING INDEX timers_due (due_at>? AND due_at<?)", running, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", running, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDispatchDeadlines_AreThePartialIndexsOnlyKind()
    {
        // timers_by_kind holds only the dispatch deadlines (schema version 4); the running SLAs are read through timers_due.
        WorkQueueQuery[] queries =
        [
            WorkQueueQuery.RefundsAwaitingApproval(ActorRole.Sales, "s-1"), WorkQueueQuery.ReturnsAwaitingDecision(),
            WorkQueueQuery.ReturnsAwaitingInspection(), WorkQueueQuery.DispatchDeadlinesBetween(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue),
            WorkQueueQuery.RunningSlas(),
        ];
        Assert.Equal(Enum.GetValues<WorkQueue>(), queries.Select(static q => q.Queue).Order());
        var kinds = queries.Select(static q => q.TimerKind).OfType<string>().ToArray();
        Assert.Equal(["dispatch-deadline", "sla-breach"], kinds);
        Assert.Equal(["dispatch-deadline"], SqliteEcomStore.QueuedTimerKinds);
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'timers_by_kind'";
        var index = (string)command.ExecuteScalar()!;
        Assert.EndsWith("WHERE kind IN ('dispatch-deadline')", index, StringComparison.Ordinal);
    }

    protected override async Task<IEcomStore> OpenStoreAsync()
        => await SqliteEcomStore.OpenAsync(_database.Options, EcomSerializer.Default.WithSlaDefinitions(WorkQueueScenario.Policy.Slas.Values));

    private string Plan(string sql)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
