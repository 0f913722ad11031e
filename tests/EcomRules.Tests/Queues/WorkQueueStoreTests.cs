using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Queues;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Queues;

/// <summary>
/// The staff work queues of one store, after <see cref="WorkQueueScenario"/>: the expected items in the expected
/// order, paged without gaps or repeats, and the same answers as the in-memory store gives.
/// </summary>
public abstract class WorkQueueStoreTests : IAsyncLifetime
{
    private IEcomStore? _store;
    private InMemoryEcomStore? _reference;

    private IWorkQueueStore Queues => (IWorkQueueStore)_store!;

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        await new WorkQueueScenario(new EcomEngine(_store, WorkQueueScenario.Policy)).RunAsync();
        _reference = new InMemoryEcomStore();
        await new WorkQueueScenario(new EcomEngine(_reference, WorkQueueScenario.Policy)).RunAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    [Trait("Rule", "REF-3")]
    public async Task RefundApproval_ListsTheRolesRequestedRefunds_OldestFirst_NeverTheApproversOwn()
    {
        var head = await AllAsync(WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "dept-1"));
        var lee = await AllAsync(WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "lee"));
        var hq = await AllAsync(WorkQueueQuery.RefundsAwaitingApproval(ActorRole.Headquarters, "hq-1"));

        // P-4's refund is approved already; P-2's needs headquarters (≥ 5,000); lee requested P-3's himself.
        Assert.Equal([R(1), R(3), R(5), R(6)], head.Select(i => i.Key));
        Assert.Equal([R(1), R(5), R(6)], lee.Select(i => i.Key));
        Assert.Equal([R(2)], hq.Select(i => i.Key));
        Assert.Equal(WorkQueueScenario.T0 + Duration.FromHours(1), head[0].DueAt);
        Assert.All(head, i => Assert.Equal(WorkQueue.RefundApproval, i.Queue));
    }

    [Fact]
    [Trait("Rule", "RET-3")]
    [Trait("Rule", "RET-4")]
    public async Task Returns_AwaitingDecisionOrInspection()
    {
        var decision = await AllAsync(WorkQueueQuery.ReturnsAwaitingDecision());
        var inspection = await AllAsync(WorkQueueQuery.ReturnsAwaitingInspection());

        Assert.Equal([WorkQueueScenario.Return(1).Key, WorkQueueScenario.Return(3).Key], decision.Select(i => i.Key));
        Assert.Equal([WorkQueueScenario.Return(2).Key], inspection.Select(i => i.Key));
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public async Task DispatchDeadlines_InAWindow_EarliestFirst_ShippedOrdersLeave()
    {
        var all = await AllAsync(WorkQueueQuery.DispatchDeadlinesBetween(WorkQueueScenario.T0, WorkQueueScenario.T0 + Duration.FromDays(30)));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => WorkQueueScenario.Paid(i).Value), all.Select(i => i.Key.Id).Order(StringComparer.Ordinal));
        foreach (var item in all)
        {
            Assert.Equal((await _store!.ReadAsync(new OrderId(item.Key.Id)))!.Aggregate.DispatchDeadline, item.DueAt);
            Assert.Equal("dispatch", item.Name);
        }

        Assert.Equal(all.Order(Comparer<WorkItem>.Create(WorkQueueQuery.Compare)), all);
        var first = all[0].DueAt;
        var window = await AllAsync(WorkQueueQuery.DispatchDeadlinesBetween(first, first + Duration.FromTicks(1)));
        Assert.Equal(all.Where(i => i.DueAt == first), window);
        Assert.Empty(await AllAsync(WorkQueueQuery.DispatchDeadlinesBetween(WorkQueueScenario.T0 - Duration.FromDays(30), WorkQueueScenario.T0)));
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task RunningSlas_ByTimeLeft()
    {
        var all = await AllAsync(WorkQueueQuery.RunningSlas());
        var reference = await AllAsync(WorkQueueQuery.RunningSlas(), _reference!);

        Assert.NotEmpty(all);
        Assert.Equal(reference, all);
        Assert.Equal(all.Order(Comparer<WorkItem>.Create(WorkQueueQuery.Compare)), all);
        Assert.All(all, i => Assert.StartsWith("SLA-", i.Name, StringComparison.Ordinal));
        var cut = all[all.Count / 2].DueAt;
        Assert.Equal(all.Where(i => i.DueAt < cut), await AllAsync(WorkQueueQuery.RunningSlas(before: cut)));
    }

    [Fact]
    public async Task Paging_VisitsEveryItemOnce_InOrder_AndEndsWithoutANextPage()
    {
        var query = WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "dept-1", pageSize: 3);

        var first = await Queues.ReadWorkQueueAsync(query);
        var second = await Queues.ReadWorkQueueAsync(first.Next!);
        var slas = await AllAsync(WorkQueueQuery.RunningSlas(pageSize: 2));

        Assert.Equal([R(1), R(3), R(5)], first.Items.Select(i => i.Key));
        Assert.Equal([R(6)], second.Items.Select(i => i.Key));
        Assert.Null(second.Next);
        Assert.Equal(await AllAsync(WorkQueueQuery.RunningSlas(pageSize: 500)), slas);
    }

    [Fact]
    public async Task EveryQueue_AnswersAsTheInMemoryStoreDoes()
    {
        WorkQueueQuery[] queries =
        [
            WorkQueueQuery.RefundsAwaitingApproval(ActorRole.SalesDepartmentHead, "lee", pageSize: 2),
            WorkQueueQuery.ReturnsAwaitingDecision(pageSize: 1),
            WorkQueueQuery.ReturnsAwaitingInspection(),
            WorkQueueQuery.DispatchDeadlinesBetween(WorkQueueScenario.T0, WorkQueueScenario.T0 + Duration.FromDays(5), pageSize: 4),
            WorkQueueQuery.RunningSlas(pageSize: 5),
        ];

        foreach (var query in queries)
        {
            Assert.Equal(await AllAsync(query, _reference!), await AllAsync(query));
        }
    }

    protected abstract Task<IEcomStore> OpenStoreAsync();

    private static AggregateKey R(int i) => WorkQueueScenario.Refund(i).Key;

    private Task<List<WorkItem>> AllAsync(WorkQueueQuery query) => AllAsync(query, Queues);

    private static async Task<List<WorkItem>> AllAsync(WorkQueueQuery query, IWorkQueueStore store)
    {
        var items = new List<WorkItem>();
        for (WorkQueueQuery? next = query; next is not null;)
        {
            var page = await store.ReadWorkQueueAsync(next);
            Assert.True(page.Items.Count <= query.PageSize);
            items.AddRange(page.Items);
            next = page.Next;
        }

        Assert.Equal(items.Count, items.Distinct().Count());
        return items;
    }
}
