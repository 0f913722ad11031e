using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Queues;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Testing;

/// <summary><see cref="FaultInjectingStore"/>: conflicts, crashes and delays, the same ones for the same seed.</summary>
public sealed class FaultInjectingStoreTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 4, 2, 0);
    private static readonly Actor Shop = new("shop", ActorRole.System);

    [Fact]
    public async Task SameSeed_InjectsTheSameFaults_AnotherSeedOthers()
    {
        var faults = new StoreFaults { Seed = 42, ConflictProbability = 0.3, CrashBeforeCommitProbability = 0.1, DelayProbability = 0.5 };

        var first = await RunOrdersAsync(faults);
        var again = await RunOrdersAsync(faults);
        var other = await RunOrdersAsync(faults with { Seed = 43 });

        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(first, f => f.Kind == InjectedFaultKind.Conflict);
        Assert.Contains(first, f => f.Kind == InjectedFaultKind.Delay);
    }

    [Fact]
    public async Task Conflicts_AreRetriedByTheEngine_AndNothingIsLost()
    {
        var inner = new InMemoryEcomStore();
        var store = new FaultInjectingStore(inner, new StoreFaults { Seed = 1, ConflictProbability = 0.5 }, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 20 });

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await engine.ExecuteAsync(Place(i))).IsAccepted);
        }

        Assert.Contains(store.Injected, f => f.Kind == InjectedFaultKind.Conflict);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1, (await inner.ReadAsync(new OrderId("F-" + i)))!.Version);
        }
    }

    [Fact]
    public async Task ConflictEverySave_ExhaustsTheEngineRetries_AndSavesNothing()
    {
        var inner = new InMemoryEcomStore();
        var store = new FaultInjectingStore(inner, new StoreFaults { ConflictProbability = 1 }, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 2 });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await engine.ExecuteAsync(Place(0)));

        Assert.Equal(new OrderId("F-0").Key, conflict.Key);
        Assert.Equal(3, store.Injected.Count(f => f.Kind == InjectedFaultKind.Conflict));
        Assert.Null(await inner.ReadAsync(new OrderId("F-0")));
    }

    [Fact]
    public async Task CrashBeforeCommit_SavesNothing()
    {
        var inner = new InMemoryEcomStore();
        var engine = new EcomEngine(new FaultInjectingStore(inner, new StoreFaults { CrashBeforeCommitProbability = 1 }, NoWait), EcomPolicy.RetailPlatform);

        var crash = await Assert.ThrowsAsync<StoreCrashException>(async () => await engine.ExecuteAsync(Place(0)));

        Assert.False(crash.Committed);
        Assert.Null(await inner.ReadAsync(new OrderId("F-0")));
    }

    [Fact]
    public async Task CrashAfterCommit_IsSurvivedByRetryingTheSameCommandId()
    {
        var inner = new InMemoryEcomStore();
        var store = new FaultInjectingStore(inner, new StoreFaults { CrashAfterCommitProbability = 1 }, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);

        var crash = await Assert.ThrowsAsync<StoreCrashException>(async () => await engine.ExecuteAsync(Place(0)));
        var retried = await engine.ExecuteAsync(Place(0)); // what a caller should do: same command, same ID

        Assert.True(crash.Committed);
        Assert.True(retried.IsAccepted);
        Assert.True(retried.IsReplay);
        Assert.Equal(1, (await inner.ReadAsync(new OrderId("F-0")))!.Version);
        Assert.Single(await inner.ReadAuditAsync(new OrderId("F-0").Key));
    }

    [Fact]
    public async Task Delays_AreDrawnUpToTheLongest_AndHandedToTheDelayFunction()
    {
        var waited = new List<Duration>();
        var faults = new StoreFaults { Seed = 5, DelayProbability = 1, MaxDelay = Duration.FromMilliseconds(40) };
        var store = new FaultInjectingStore(new InMemoryEcomStore(), faults, (d, _) =>
        {
            waited.Add(d);
            return Task.CompletedTask;
        });
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);

        Assert.True((await engine.ExecuteAsync(Place(0))).IsAccepted);
        Assert.NotNull(await store.ReadAsync(new OrderId("F-0")));

        Assert.True(waited.Count >= 3, $"{waited.Count} delays"); // at least find, save and the read
        Assert.Equal(waited, store.Injected.Select(f => f.Delay));
        Assert.All(waited, d => Assert.InRange(d, Duration.Zero, faults.MaxDelay));
        Assert.Contains(store.Injected, f => f.Operation == nameof(FaultInjectingStore.SaveAsync) && f.CommandId == new CommandId("place/F-0"));
    }

    [Fact]
    public async Task OutboxAndTimers_PassThroughToTheInnerStore()
    {
        var inner = new InMemoryEcomStore();
        var store = new FaultInjectingStore(inner, new StoreFaults { DelayProbability = 1 }, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        await engine.ExecuteAsync(Place(0));

        Assert.Equal(await inner.CountTimersAsync(), await store.CountTimersAsync());
        Assert.Equal((await inner.GetOutboxStatisticsAsync()).Pending, (await store.GetOutboxStatisticsAsync()).Pending);
        Assert.Contains(store.Injected, f => f.Operation == nameof(FaultInjectingStore.LoadAsync) || f.Operation == nameof(FaultInjectingStore.FindCommandAsync));
    }

    [Fact]
    public async Task WorkQueues_PassThroughToTheInnerStore()
    {
        var inner = new InMemoryEcomStore();
        var store = new FaultInjectingStore(inner, new StoreFaults { DelayProbability = 1 }, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        await engine.ExecuteAsync(Place(0));
        await engine.ExecuteAsync(new PayOrder(new CommandId("pay/F-0"), Shop, At, new OrderId("F-0"), (await engine.GetAsync(new OrderId("F-0"), new DataAccess(Actor.System, At, "amount to pay")))!.Aggregate.Total));

        var page = await store.ReadWorkQueueAsync(WorkQueueQuery.RunningSlas());

        Assert.Equal((await inner.ReadWorkQueueAsync(WorkQueueQuery.RunningSlas())).Items, page.Items);
        Assert.NotEmpty(page.Items);
        Assert.Contains(store.Injected, f => f.Operation == nameof(FaultInjectingStore.ReadWorkQueueAsync));
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0)]
    [InlineData(1.1, 0, 0, 0)]
    [InlineData(0, 0, 0, double.NaN)]
    [InlineData(0.5, 0.3, 0.3, 0)]
    public void InvalidFaults_AreRejected(double conflict, double crashBefore, double crashAfter, double delay)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FaultInjectingStore(new InMemoryEcomStore(), new StoreFaults
        {
            ConflictProbability = conflict, CrashBeforeCommitProbability = crashBefore, CrashAfterCommitProbability = crashAfter, DelayProbability = delay,
        }));

    [Fact]
    public void NegativeMaxDelay_IsRejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FaultInjectingStore(new InMemoryEcomStore(), new StoreFaults { MaxDelay = Duration.FromMilliseconds(-1) }));

    private static Task NoWait(Duration delay, CancellationToken cancellationToken) => Task.CompletedTask;

    private static PlaceOrder Place(int i)
        => new(new CommandId("place/F-" + i), Shop, At, new OrderId("F-" + i), SampleBuyers.Private(), [new OrderLine("SKU-1", 1, new Money(40m))]);

    /// <summary>Places ten orders through a fresh wrapper, retrying crashes with the same command ID; returns the faults injected.</summary>
    private static async Task<IReadOnlyList<InjectedFault>> RunOrdersAsync(StoreFaults faults)
    {
        var store = new FaultInjectingStore(new InMemoryEcomStore(), faults, NoWait);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 20 });
        for (var i = 0; i < 10; i++)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Assert.True((await engine.ExecuteAsync(Place(i))).IsAccepted);
                    break;
                }
                catch (StoreCrashException) when (attempt < 20)
                {
                }
            }
        }

        return store.Injected;
    }
}
