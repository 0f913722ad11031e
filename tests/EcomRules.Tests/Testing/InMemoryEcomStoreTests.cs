using EcomRules.Commands;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Tests.Testing;

public sealed class InMemoryEcomStoreTests
{
    private static readonly AggregateKey A = Key("a");
    private static readonly AggregateKey B = Key("b");

    [Fact]
    public async Task ClaimDueTimers_ReturnsDueTimersOnce_EarliestFirst_UpToMax()
    {
        var store = new InMemoryEcomStore();
        await store.SaveAsync(Change("c1", A, 0, events: 0, Timer("late", A, At(30)), Timer("second", A, At(20)), Timer("first", A, At(10))));

        var claimed = store.ClaimDueTimers(At(25), max: 1);
        Assert.Equal(["first"], claimed.Select(t => t.TimerId));

        claimed = store.ClaimDueTimers(At(25), max: 10);
        Assert.Equal(["second"], claimed.Select(t => t.TimerId));
        Assert.Empty(store.ClaimDueTimers(At(25), max: 10));
        Assert.Equal(["late"], store.Timers.Select(t => t.TimerId));
    }

    [Fact]
    public void ClaimDueTimers_RefusesNonPositiveMax()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryEcomStore().ClaimDueTimers(Start, 0));

    [Fact]
    public async Task Outbox_MarkDelivered_RemovesFromPending()
    {
        var store = new InMemoryEcomStore();
        await store.SaveAsync(Change("c1", A, 0, events: 2));
        await store.SaveAsync(Change("c2", B, 0, events: 1));

        Assert.True(store.MarkDelivered("c1/0"));
        Assert.False(store.MarkDelivered("c1/0"));
        Assert.False(store.MarkDelivered("unknown"));

        Assert.Equal(["c1/1", "c2/0"], store.PendingOutbox().Select(m => m.Message.IdempotencyKey));
        Assert.Equal([1L, 2L, 3L], store.Outbox.Select(m => m.Sequence));
        Assert.Equal([true, false, false], store.Outbox.Select(m => m.IsDelivered));
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task Counts_AndAuditTrail_CoverEveryCommand()
    {
        var store = new InMemoryEcomStore();
        await store.SaveAsync(Change("c1", A, 0));
        await store.SaveAsync(Change("c2", B, 0));
        await store.SaveAsync(new ChangeSet(Refused("r1", A, 1), [], [], [], []));

        Assert.Equal(2, store.AggregateCount);
        Assert.Equal(3, store.CommandCount);
        Assert.Equal(["c1", "c2"], store.AuditTrail.Select(e => e.CommandId.Value));
    }

    [Fact]
    public async Task SaveAsync_SameAggregateTwice_IsRefusedAndStoresNothing()
    {
        var store = new InMemoryEcomStore();
        var change = Change("c1", A, 0);
        var twice = change with { Writes = [.. change.Writes, new AggregateWrite(A, 1, State("c1", 2))] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(twice).AsTask());
        Assert.Equal(0, store.CommandCount);
        Assert.Equal(0, store.AggregateCount);
    }

    [Fact]
    public async Task Reads_HonourCancellation()
    {
        var store = new InMemoryEcomStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.LoadAsync(A, cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindCommandAsync(new CommandId("x"), cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReadAuditAsync(A, cancelled.Token).AsTask());
    }

    [Fact]
    public async Task ReadAuditAsync_ReturnsSnapshot()
    {
        var store = new InMemoryEcomStore();
        await store.SaveAsync(Change("c1", A, 0));
        var before = await store.ReadAuditAsync(A);
        await store.SaveAsync(Change("c2", A, 1));

        Assert.Single(before);
        Assert.Equal(2, (await store.ReadAuditAsync(A)).Count);
    }

    [Fact]
    public async Task Timers_WithoutDueInstant_AreNeverClaimed()
    {
        var store = new InMemoryEcomStore();
        await store.SaveAsync(Change("c1", A, 0, events: 0, Timer("t", A, At(1)), Timer("t", A, null)));

        Assert.Empty(store.Timers);
        Assert.Empty(store.ClaimDueTimers(Start + Duration.FromDays(1), 10));
    }
}
