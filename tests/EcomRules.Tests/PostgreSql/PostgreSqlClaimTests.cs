using System.Collections.Concurrent;
using System.Globalization;
using EcomRules.PostgreSql;
using EcomRules.Ports;
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

        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new ConcurrentBag<string>();
        var now = Start + Duration.FromHours(1);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var owners = new[] { "host-a", "host-b" }.Select(owner => Task.Run(async () =>
        {
            await start.Task;
            var mine = 0;
            while (true)
            {
                var batch = await store.ClaimDueTimersAsync(owner, 7, now, Lease);
                if (batch.Count == 0)
                {
                    return mine;
                }

                foreach (var timer in batch)
                {
                    if (!claimed.TryAdd(timer.TimerId, owner))
                    {
                        duplicates.Add(timer.TimerId);
                    }
                }

                mine += batch.Count;
            }
        })).ToArray();
        start.SetResult();
        var counts = await Task.WhenAll(owners);

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
}
