using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

/// <summary>The engine's optimistic concurrency, cancellation and idempotency, driven with orders.</summary>
public sealed class EcomEngineTests
{
    private static (OrderScenario Scenario, ConflictingStore Store, EcomEngine Engine) Conflicting(int maxRetries = 3)
    {
        var s = new OrderScenario();
        s.AdvanceTo("E1", OrderState.Placed);
        var store = new ConflictingStore(s.Store);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = maxRetries });
        return (s, store, engine);
    }

    private static PayOrder Pay(OrderScenario s) => (PayOrder)s.Command(OrderStep.Pay, new CommandId("pay-E1"), "E1", At(2026, 3, 4, 9, 5));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    public async Task Conflicts_UpToTheRetryLimit_AreDecidedAgainAndSaved(int failures, int saves)
    {
        var (s, store, engine) = Conflicting();
        store.FailSaves = failures;
        var decision = await engine.ExecuteAsync(Pay(s));
        Assert.True(decision.IsAccepted, decision.ToString());
        Assert.Equal((saves, saves), (store.Saves, store.Loads));
        Assert.Equal(OrderState.Paid, s.Order("E1").State);
        Assert.Equal(2, s.Store.AuditTrail.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Conflicts_BeyondTheRetryLimit_Propagate_AndNothingIsSaved(int maxRetries)
    {
        var (s, store, engine) = Conflicting(maxRetries);
        store.FailSaves = maxRetries + 1;
        var before = s.Snapshot("E1");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await engine.ExecuteAsync(Pay(s)));
        Assert.Equal(maxRetries + 1, store.Saves);
        s.AssertUnchanged("E1", before);
        Assert.Null(await s.Store.FindCommandAsync(new CommandId("pay-E1")));
    }

    [Fact]
    public async Task AConcurrentCancel_IsSeenOnReload_AndThePaymentIsDecidedAgainstIt()
    {
        var (s, store, engine) = Conflicting();
        store.FailSaves = 1;
        store.BeforeFailedSave = () => Require(s.Cancel("E1", At(2026, 3, 4, 9, 4)));
        var decision = await engine.ExecuteAsync(Pay(s));
        Assert.True(decision.IsRefused);
        Assert.Equal(RuleIds.Ord1, decision.RuleId);
        Assert.Equal(2, decision.Version);
        Assert.Equal(OrderState.Cancelled, s.Order("E1").State);
        Assert.Equal(Money.Zero, s.Order("E1").Paid);
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task APreCancelledToken_CommitsNothing()
    {
        var (s, _, engine) = Conflicting();
        var before = s.Snapshot("E1");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await engine.ExecuteAsync(Pay(s), new CancellationToken(true)));
        s.AssertUnchanged("E1", before);
        Assert.Null(await s.Store.FindCommandAsync(new CommandId("pay-E1")));
    }

    [Fact]
    public async Task ATokenCancelledAfterLoading_CommitsNothing()
    {
        var (s, store, engine) = Conflicting();
        using var cts = new CancellationTokenSource();
        store.OnLoad = cts.Cancel;
        var before = s.Snapshot("E1");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await engine.ExecuteAsync(Pay(s), cts.Token));
        s.AssertUnchanged("E1", before);
        Assert.Null(await s.Store.FindCommandAsync(new CommandId("pay-E1")));
    }

    [Fact]
    public async Task SameCommandId_DifferentPayload_IsCommandIdReused_WithoutEffect()
    {
        var (s, _, engine) = Conflicting();
        var pay = Pay(s);
        Assert.True((await engine.ExecuteAsync(pay)).IsAccepted);
        var outbox = s.Store.Outbox.Count;
        var replay = await engine.ExecuteAsync(pay);
        Assert.True(replay.IsReplay);
        var reused = await engine.ExecuteAsync(pay with { Amount = new Money(1m) });
        Assert.Equal(RefusalCode.CommandIdReused, reused.Code);
        Assert.Equal((2, outbox), (s.Store.AuditTrail.Count, s.Store.Outbox.Count));
    }
}
