using EcomRules.Commands;
using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.Queues;
using EcomRules.Sqlite;
using EcomRules.Tests.Sqlite;
using NodaTime;

namespace EcomRules.Tests.Queues;

public sealed class SqliteWorkQueueTests : WorkQueueStoreTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    [Trait("Rule", "REF-2")]
    public void RefundApproval_ReadsItsIndexInOrder_LaterPagesFromTheirStart()
    {
        var first = WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "dept-1");
        AssertIndexOrder("refunds_awaiting_approval (<expr>=? AND <expr>>?)", first);
        AssertIndexOrder("refunds_awaiting_approval (<expr>=? AND <expr>>?)", first.NextAfter(new WorkItem(WorkQueue.RefundApproval, WorkQueueScenario.Refund(1).Key, string.Empty, WorkQueueScenario.T0)));
    }

    [Fact]
    [Trait("Rule", "RET-3")]
    public void Returns_ReadTheirIndexInOrder_LaterPagesFromTheirStart()
    {
        var first = WorkQueueQuery.ReturnsAwaitingDecision();
        AssertIndexOrder("returns_awaiting (<expr>=? AND <expr>>?)", first);
        AssertIndexOrder("returns_awaiting (<expr>=? AND <expr>>?)", first.NextAfter(new WorkItem(WorkQueue.ReturnDecision, WorkQueueScenario.Return(1).Key, string.Empty, WorkQueueScenario.T0)));
    }

    [Fact]
    public void TimerQueues_ReadTheirIndexInOrder()
    {
        AssertIndexOrder("timers_by_kind", WorkQueueQuery.RunningSlas());
        AssertIndexOrder("timers_by_kind", WorkQueueQuery.DispatchDeadlinesBetween(WorkQueueScenario.T0, WorkQueueScenario.T0 + Duration.FromDays(30)));
    }

    [Theory]
    [InlineData(0, 2899)]
    [InlineData(2000, 1899)]
    public async Task TimerQueues_ALaterPage_ReadsNoMoreThanTheFirst(int tied, int last)
    {
        // 3,000 SLA breaches; the page after breach `last` must start there in the index, also among breaches due at
        // one instant, not read the ones before it again.
        using var database = new SqliteTestDatabase();
        var start = Instant.FromUtc(2026, 11, 11, 1, 0);
        await database.SeedSlaBreachesAsync(3000, start, tied);
        var order = SqliteTestDatabase.BreachOrder(last);
        var first = WorkQueueQuery.RunningSlas(pageSize: 10);
        var later = first.NextAfter(WorkItem.ForTimer(WorkQueue.SlaBreach, new AggregateKey("order", order), $"order/{order}/SLA-1", SqliteTestDatabase.BreachDue(start, last, tied)));

        var (firstSteps, firstRows) = database.Run(SqliteEcomStore.QueueStatement(first));
        var (laterSteps, laterRows) = database.Run(SqliteEcomStore.QueueStatement(later));

        Assert.Equal(11, firstRows);
        Assert.Equal(11, laterRows);
        Assert.InRange(laterSteps, 1, 2 * firstSteps);
    }

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

    /// <summary>Asserts that the store's statement for <paramref name="query"/> reads <paramref name="index"/> in its order (no sort).</summary>
    private void AssertIndexOrder(string index, WorkQueueQuery query)
    {
        var (sql, parameters) = SqliteEcomStore.QueueStatement(query);
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

        var text = string.Join(" | ", plan);
        Assert.Contains("USING INDEX " + index, text, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
    }
}
