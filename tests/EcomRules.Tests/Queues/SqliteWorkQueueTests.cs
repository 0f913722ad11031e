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
    public void TimerQueues_ReadTheirIndex()
        => Assert.Contains("timers_by_kind", Plan("SELECT timer_id FROM timers WHERE kind = 'sla-breach' AND kind IN ('dispatch-deadline', 'sla-breach') AND due_at >= 0 AND due_at < 10 ORDER BY due_at, aggregate_id, timer_id LIMIT 10"), StringComparison.Ordinal);

    [Fact]
    public void EveryTimerQueue_IsInThePartialIndex()
    {
        // timers_by_kind holds only these kinds (schema version 3); a queue of another kind would be read by a scan.
        WorkQueueQuery[] queries =
        [
            WorkQueueQuery.RefundsAwaitingApproval(ActorRole.Sales, "s-1"), WorkQueueQuery.ReturnsAwaitingDecision(),
            WorkQueueQuery.ReturnsAwaitingInspection(), WorkQueueQuery.DispatchDeadlinesBetween(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue),
            WorkQueueQuery.RunningSlas(),
        ];
        Assert.Equal(Enum.GetValues<WorkQueue>(), queries.Select(static q => q.Queue).Order());
        var kinds = queries.Select(static q => q.TimerKind).OfType<string>().ToArray();
        Assert.Equal(2, kinds.Length);
        Assert.All(kinds, static kind => Assert.Contains(kind, SqliteEcomStore.QueuedTimerKinds));
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'timers_by_kind'";
        var index = (string)command.ExecuteScalar()!;
        Assert.All(SqliteEcomStore.QueuedTimerKinds, kind => Assert.Contains($"'{kind}'", index, StringComparison.Ordinal));
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
