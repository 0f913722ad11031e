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

    [Fact]
    public void RefundApproval_ReadsItsIndexInOrder()
        => AssertIndexOrder("refunds_awaiting_approval", SqliteEcomStore.RefundApprovalSql,
            ("$role", "SalesDepartmentHead"), ("$actor", "dept-1"), ("$afterDue", string.Empty), ("$afterId", string.Empty), ("$limit", 10));

    [Fact]
    public void Returns_ReadTheirIndexInOrder()
        => AssertIndexOrder("returns_awaiting", SqliteEcomStore.ReturnsSql,
            ("$state", "Requested"), ("$afterDue", string.Empty), ("$afterId", string.Empty), ("$limit", 10));

    [Fact]
    public void TimerQueues_ReadTheirIndexInOrder()
        => AssertIndexOrder("timers_by_kind", SqliteEcomStore.TimersSql,
            ("$kind", "sla-breach"), ("$from", 0L), ("$before", 10L), ("$afterDue", long.MinValue), ("$afterId", string.Empty), ("$afterTimer", string.Empty), ("$limit", 10));

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

    /// <summary>Asserts that one of the store's statements, with these parameters, reads <paramref name="index"/> in its order (no sort).</summary>
    private void AssertIndexOrder(string index, string sql, params (string Name, object Value)[] parameters)
    {
        var plan = Plan(sql, parameters);
        Assert.Contains("USING INDEX " + index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private string Plan(string sql, (string Name, object Value)[] parameters)
    {
        using var connection = _database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
