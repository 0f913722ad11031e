using System.Collections.Concurrent;
using System.Globalization;
using EcomRules.PostgreSql;
using EcomRules.Ports;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlClaimTests(PostgreSqlFixture fixture)
{
    private static readonly Duration Lease = Duration.FromMinutes(1);

    [Fact]
    public async Task TimerClaims_TwoOwnersAtOnce_NeverGetTheSameTimer()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        const int Count = 600;
        for (var batch = 0; batch < Count / 100; batch++)
        {
            var timers = Enumerable.Range(batch * 100, 100).Select(i => Timer("t" + i.ToString(CultureInfo.InvariantCulture), i % 7)).ToArray();
            await store.SaveAsync(TimersOnly("seed-" + batch.ToString(CultureInfo.InvariantCulture), timers));
        }

        var now = Start + Duration.FromHours(1);
        var (claimed, duplicates, counts) = await ClaimConcurrentlyAsync(
            owner => store.ClaimDueTimersAsync(owner, 7, now, Lease), (timer, owner) => Task.FromResult(timer.TimerId));

        Assert.Empty(duplicates);
        Assert.Equal(Count, claimed.Count);
        Assert.All(counts, c => Assert.True(c > 0, "Both owners should have claimed some timers."));
    }

    [Fact]
    public async Task TimerClaim_EarliestFirst_OnlyDue_AndLeaseExpiryLetsAnotherOwnerClaim()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(TimersOnly("c1", Timer("late", 30), Timer("b", 5), Timer("a", 5), Timer("first", 1)));
        var now = Start + Duration.FromMinutes(10);

        var claimedByA = await store.ClaimDueTimersAsync("a", 10, now, Lease);
        Assert.Equal(["first", "a", "b"], claimedByA.Select(t => t.TimerId));
        Assert.Empty(await store.ClaimDueTimersAsync("b", 10, now + Duration.FromSeconds(59), Lease));

        var afterExpiry = now + Lease + Duration.FromSeconds(1);
        var claimedByB = await store.ClaimDueTimersAsync("b", 10, afterExpiry, Lease);
        Assert.Equal(["first", "a", "b"], claimedByB.Select(t => t.TimerId));

        Assert.False(await store.CompleteTimerAsync(claimedByA[0], "a"));
        Assert.True(await store.CompleteTimerAsync(claimedByB[0], "b"));
        Assert.False(await store.CompleteTimerAsync(claimedByB[0], "b"));
        Assert.Equal(3, await store.CountTimersAsync());
    }

    [Fact]
    public async Task TimerCompletion_AfterTheTimerMoved_KeepsItAndReleasesTheLease()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(TimersOnly("c1", Timer("t", 1)));
        var now = Start + Duration.FromMinutes(2);
        var claimed = Assert.Single(await store.ClaimDueTimersAsync("a", 10, now, Lease));

        await store.SaveAsync(TimersOnly("c2", Timer("t", 2)));

        Assert.False(await store.CompleteTimerAsync(claimed, "a"));
        Assert.Equal(1, await store.CountTimersAsync());
        var again = Assert.Single(await store.ClaimDueTimersAsync("b", 10, now, Lease));
        Assert.Equal(Start + Duration.FromMinutes(2), again.DueAt);
        Assert.True(await store.CompleteTimerAsync(again, "b"));
        Assert.Equal(0, await store.CountTimersAsync());
    }

    [Fact]
    public async Task Claims_RejectBadArguments()
    {
        await using var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = fixture.Cluster.ConnectionString() });
        await Assert.ThrowsAsync<ArgumentException>(() => store.ClaimDueTimersAsync(" ", 1, Start, Lease).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimDueTimersAsync("a", 0, Start, Lease).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimOutboxAsync("a", 1, Start, Duration.Zero).AsTask());
    }

    [Fact]
    public async Task OutboxClaims_TwoOwnersAtOnce_NeverGetTheSameMessage_AndCompleteEverything()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        for (var batch = 0; batch < 6; batch++)
        {
            await store.SaveAsync(MessagesOnly("seed-" + batch.ToString(CultureInfo.InvariantCulture), 100));
        }

        var now = Start + Duration.FromMinutes(1);
        var (claimed, duplicates, counts) = await ClaimConcurrentlyAsync(
            owner => store.ClaimOutboxAsync(owner, 9, now, Lease),
            async (envelope, owner) =>
            {
                Assert.True(await store.CompleteOutboxAsync(envelope.Sequence, owner, now));
                return envelope.Sequence.ToString(CultureInfo.InvariantCulture);
            });

        Assert.Empty(duplicates);
        Assert.Equal(600, claimed.Count);
        Assert.All(counts, c => Assert.True(c > 0, "Both owners should have claimed some messages."));
        Assert.Equal(new OutboxStatistics(0, 0, null), await store.GetOutboxStatisticsAsync());
    }

    [Fact]
    public async Task OutboxLease_ExpiryLetsAnotherOwnerClaim_AndOnlyTheHolderCompletes()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(MessagesOnly("c1", 2));
        var now = Start + Duration.FromMinutes(1);

        var first = await store.ClaimOutboxAsync("a", 10, now, Lease);
        Assert.Equal(["c1/0", "c1/1"], first.Select(e => e.Message.IdempotencyKey));
        Assert.Equal(new ContractEvent(Key("a"), Start, "n0"), first[0].Message.Event);
        Assert.Empty(await store.ClaimOutboxAsync("b", 10, now + Duration.FromSeconds(30), Lease));

        var second = await store.ClaimOutboxAsync("b", 1, now + Lease + Duration.FromSeconds(1), Lease);
        var stolen = Assert.Single(second);
        Assert.Equal(first[0].Sequence, stolen.Sequence);
        Assert.False(await store.CompleteOutboxAsync(stolen.Sequence, "a", now));
        Assert.True(await store.CompleteOutboxAsync(stolen.Sequence, "b", now));
        Assert.True(await store.CompleteOutboxAsync(first[1].Sequence, "a", now));
        Assert.Equal(new OutboxStatistics(0, 0, null), await store.GetOutboxStatisticsAsync());
    }

    [Fact]
    public async Task OutboxClaim_AMessageThisReleaseCannotRead_IsDeadLettered_AndTheOnesBehindItAreClaimed()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = await PostgreSqlStores.OpenAsync(connectionString);
        await store.SaveAsync(MessagesOnly("c1", 3));
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            // An event type another release wrote: valid JSON, no type this serializer knows. It leads every claim.
            await using var corrupt = dataSource.CreateCommand(
                "UPDATE \"" + PostgreSqlStoreOptions.DefaultSchemaName + "\".outbox SET event = '{\"$type\":\"gone-event\",\"$v\":1}' WHERE idempotency_key = 'c1/0'");
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }

        var now = Start + Duration.FromMinutes(1);
        var claimed = await store.ClaimOutboxAsync("a", 10, now, Lease);

        Assert.Equal(["c1/1", "c1/2"], claimed.Select(e => e.Message.IdempotencyKey));
        Assert.Equal(new OutboxStatistics(2, 1, Start), await store.GetOutboxStatisticsAsync());
        Assert.Empty(await store.ReadDeadLettersAsync(10)); // left out of the list: it cannot be read here either
        var afterExpiry = await store.ClaimOutboxAsync("b", 10, now + Lease + Duration.FromSeconds(1), Lease);
        Assert.Equal(["c1/1", "c1/2"], afterExpiry.Select(e => e.Message.IdempotencyKey)); // the dead letter is never claimed again
    }

    [Fact]
    public async Task OutboxFailure_RetriesWithBackoff_DeadLettersAndRetriesByHand()
    {
        await using var store = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(MessagesOnly("c1", 1));
        var now = Start + Duration.FromMinutes(1);
        var envelope = Assert.Single(await store.ClaimOutboxAsync("a", 10, now, Lease));

        Assert.False(await store.FailOutboxAsync(envelope.Sequence, "b", "not mine", now, deadLetter: false));
        Assert.True(await store.FailOutboxAsync(envelope.Sequence, "a", "carrier timeout", now + Duration.FromMinutes(5), deadLetter: false));
        Assert.Empty(await store.ClaimOutboxAsync("a", 10, now + Duration.FromMinutes(4), Lease));
        var retried = Assert.Single(await store.ClaimOutboxAsync("a", 10, now + Duration.FromMinutes(5), Lease));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("carrier timeout", retried.LastError);

        Assert.True(await store.FailOutboxAsync(envelope.Sequence, "a", "gave up", now, deadLetter: true));
        Assert.Equal(new OutboxStatistics(0, 1, null), await store.GetOutboxStatisticsAsync());
        Assert.Empty(await store.ClaimOutboxAsync("a", 10, now + Duration.FromDays(1), Lease));
        var dead = Assert.Single(await store.ReadDeadLettersAsync(10));
        Assert.True(dead.IsDeadLetter);
        Assert.Equal(2, dead.Attempts);

        Assert.True(await store.RetryDeadLetterAsync(envelope.Sequence, now));
        Assert.False(await store.RetryDeadLetterAsync(envelope.Sequence, now));
        Assert.Equal(new OutboxStatistics(1, 0, Start), await store.GetOutboxStatisticsAsync());
        var again = Assert.Single(await store.ClaimOutboxAsync("b", 10, now, Lease));
        Assert.Equal(0, again.Attempts);
    }

    /// <summary>Two owners claim in a loop, starting together, until a claim returns nothing; records who got what.</summary>
    private static async Task<(ConcurrentDictionary<string, string> Claimed, ConcurrentBag<string> Duplicates, int[] Counts)> ClaimConcurrentlyAsync<T>(
        Func<string, ValueTask<IReadOnlyList<T>>> claim, Func<T, string, Task<string>> handle)
    {
        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new ConcurrentBag<string>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var owners = new[] { "host-a", "host-b" }.Select(owner => Task.Run(async () =>
        {
            await start.Task;
            var mine = 0;
            while (true)
            {
                var batch = await claim(owner);
                if (batch.Count == 0)
                {
                    return mine;
                }

                foreach (var item in batch)
                {
                    var id = await handle(item, owner);
                    if (!claimed.TryAdd(id, owner))
                    {
                        duplicates.Add(id);
                    }
                }

                mine += batch.Count;
            }
        })).ToArray();
        start.SetResult();
        return (claimed, duplicates, await Task.WhenAll(owners));
    }
}
