using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Returns;
using EcomRules.Tests.Returns;

namespace EcomRules.Tests.Execution;

/// <summary>
/// How the engine reads a command that reads more than its target (a return reads its order): one call for the
/// record, the target and the others, so a store that batches them answers in one round trip; after a conflict, one
/// call for all of them again.
/// </summary>
public sealed class EngineReadTests
{
    [Fact]
    public async Task ACommandReadingItsOrderToo_AsksForEverythingInOneRead()
    {
        var (decision, calls) = await RequestReturnAsync("R-1", failSaves: 0);

        Assert.True(decision.IsAccepted, decision.ToString());
        Assert.Equal(["FindCommandAndLoadMany return/R-1/c1 + order/R-1", "Save"], calls);
    }

    [Fact]
    public async Task ACommandReadingOnlyItsTarget_AsksForTheRecordAndTarget()
    {
        var f = new ReturnFixture();
        var store = new ReadRecordingStore(f.Store);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);

        var decision = await engine.ExecuteAsync(new PlaceOrder(f.NextId(), ReturnFixture.Buyer, ReturnFixture.At(2026, 3, 3), new OrderId("R-2"), ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));

        Assert.True(decision.IsAccepted, decision.ToString());
        Assert.Equal(["FindCommandAndLoad order/R-2", "Save"], store.Calls);
    }

    [Fact]
    public async Task AfterAConflict_TheTargetAndItsOrderAreLoadedAgainInOneRead()
    {
        var (decision, calls) = await RequestReturnAsync("R-3", failSaves: 1);

        Assert.True(decision.IsAccepted, decision.ToString());
        Assert.Equal(["FindCommandAndLoadMany return/R-3/c1 + order/R-3", "Save", "LoadMany return/R-3/c1, order/R-3", "Save"], calls);
    }

    /// <summary>A received order, then a return requested through an engine on a recording store whose first saves conflict.</summary>
    private static async Task<(Decision Decision, List<string> Calls)> RequestReturnAsync(string orderId, int failSaves)
    {
        var f = new ReturnFixture();
        var order = new OrderId(orderId);
        var day = ReturnFixture.At(2026, 3, 3);
        await f.ReceivedOrder(order, day);
        var store = new ReadRecordingStore(f.Store) { FailSaves = failSaves };
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var decision = await engine.ExecuteAsync(f.Request(new ReturnCaseId(order, "c1"), day + NodaTime.Duration.FromHours(1)));
        return (decision, store.Calls);
    }

    /// <summary>Records the reads and saves the engine asks for, by the member it calls; the first saves can conflict.</summary>
    private sealed class ReadRecordingStore(IEcomStore inner) : IEcomStore
    {
        public List<string> Calls { get; } = [];

        public int FailSaves { get; init; }

        public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
        {
            Calls.Add("Load " + key);
            return inner.LoadAsync(key, cancellationToken);
        }

        public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
        {
            Calls.Add("FindCommand");
            return inner.FindCommandAsync(commandId, cancellationToken);
        }

        public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        {
            Calls.Add("FindCommandAndLoad " + target);
            return inner.FindCommandAndLoadAsync(commandId, target, cancellationToken);
        }

        public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> FindCommandAndLoadManyAsync(
            CommandId commandId, AggregateKey target, IReadOnlyList<AggregateKey> others, CancellationToken cancellationToken = default)
        {
            Calls.Add($"FindCommandAndLoadMany {target} + {string.Join(", ", others)}");
            return inner.FindCommandAndLoadManyAsync(commandId, target, others, cancellationToken);
        }

        public ValueTask<IReadOnlyList<StoredAggregate>> LoadManyAsync(IReadOnlyList<AggregateKey> keys, CancellationToken cancellationToken = default)
        {
            Calls.Add("LoadMany " + string.Join(", ", keys));
            return inner.LoadManyAsync(keys, cancellationToken);
        }

        public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
        {
            Calls.Add("Save");
            return Calls.Count(c => c == "Save") <= FailSaves
                ? ValueTask.FromException(new ConcurrencyConflictException(changes.Record.Target, 0, 1))
                : inner.SaveAsync(changes, cancellationToken);
        }

        public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(key, cancellationToken);
    }
}
