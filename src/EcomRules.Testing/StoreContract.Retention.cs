using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;
using static EcomRules.Testing.ContractCheck;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Testing;

/// <content>The cases about bounded storage (ORD-6, SEC-3) and timers that cannot fire (SLA-8).</content>
public static partial class StoreContract
{
    private static async Task PurgeAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var outbox = Port<IOutboxStore>(store);
        var retention = Port<IRetentionStore>(store);
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0, events: 5), cancellationToken).ConfigureAwait(false);
        var lease = Duration.FromMinutes(10);
        var claimed = (await outbox.ClaimOutboxAsync("owner", 10, At(1), lease, cancellationToken).ConfigureAwait(false)).OrderBy(e => e.Sequence).ToArray();
        Equal(5, claimed.Length, "Messages claimed");

        // 1 delivered at 2, 2 delivered at 3, 3 dead-lettered, 4 left leased, 5 failed and waiting for its retry.
        True(await outbox.CompleteOutboxAsync(claimed[0].Sequence, "owner", At(2), cancellationToken).ConfigureAwait(false), "Completing message 1");
        True(await outbox.CompleteOutboxAsync(claimed[1].Sequence, "owner", At(3), cancellationToken).ConfigureAwait(false), "Completing message 2");
        True(await outbox.FailOutboxAsync(claimed[2].Sequence, "owner", "failed", At(4), deadLetter: true, cancellationToken).ConfigureAwait(false), "Dead-lettering message 3");
        True(await outbox.FailOutboxAsync(claimed[4].Sequence, "owner", "failed", At(50), deadLetter: false, cancellationToken).ConfigureAwait(false), "Failing message 5");

        Equal(0, await retention.PurgeDeliveredOutboxAsync(At(2) - Duration.FromSeconds(1), 10, cancellationToken).ConfigureAwait(false), "Purged before any delivery is past its retention");
        Equal(1, await retention.PurgeDeliveredOutboxAsync(At(3), 1, cancellationToken).ConfigureAwait(false), "Purged in a batch of one");
        Equal(1, await retention.PurgeDeliveredOutboxAsync(At(3), 1, cancellationToken).ConfigureAwait(false), "Purged in the next batch of one");
        Equal(0, await retention.PurgeDeliveredOutboxAsync(At(100_000), 10, cancellationToken).ConfigureAwait(false), "Purged once only delivered messages could go");

        // The undelivered ones are all still there: two waiting (the leased one and the failed one), one dead letter.
        var statistics = await outbox.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
        Equal(2L, statistics.Pending, "Undelivered messages after purging");
        Equal(1L, statistics.DeadLetters, "Dead letters after purging");
        var reclaimed = await outbox.ClaimOutboxAsync("other", 10, At(60), lease, cancellationToken).ConfigureAwait(false);
        SequenceEqual([claimed[3].Sequence, claimed[4].Sequence], reclaimed.Select(e => e.Sequence).Order().ToArray(), "Messages claimable after purging");

        // ORD-6: the idempotency record and the audit trail are kept.
        True(await store.FindCommandAsync(Command("c1"), cancellationToken).ConfigureAwait(false) is not null, "The idempotency record survives the purge");
        Equal(1, (await store.ReadAuditAsync(key, cancellationToken).ConfigureAwait(false)).Count, "Audit entries after purging");
        await ThrowsAsync<ArgumentOutOfRangeException>(() => retention.PurgeDeliveredOutboxAsync(At(3), 0, cancellationToken).AsTask(), "Purging a batch of 0").ConfigureAwait(false);
    }

    private static async Task PostponeTimerAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var timers = Port<ITimerStore>(store);
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0, events: 0, new TimerRequest("unknown", key, "no-such-kind", At(10))), cancellationToken).ConfigureAwait(false);
        var lease = Duration.FromMinutes(1);
        var claimed = await timers.ClaimDueTimersAsync("owner", 10, At(10), lease, cancellationToken).ConfigureAwait(false);
        Equal(1, claimed.Count, "Timers claimed");
        var timer = claimed[0];

        True(!await timers.PostponeTimerAsync(timer, "someone-else", At(70), cancellationToken).ConfigureAwait(false), "Postponing by an owner that does not hold the timer");
        True(await timers.PostponeTimerAsync(timer, "owner", At(70), cancellationToken).ConfigureAwait(false), "Postponing by its owner");
        Equal(1L, await timers.CountTimersAsync(cancellationToken).ConfigureAwait(false), "Timers after postponing (kept, not completed)");
        Equal(0, (await timers.ClaimDueTimersAsync("other", 10, At(30), lease, cancellationToken).ConfigureAwait(false)).Count, "Claimed after the lease but before the postponement ends");

        var again = await timers.ClaimDueTimersAsync("other", 10, At(71), lease, cancellationToken).ConfigureAwait(false);
        Equal(1, again.Count, "Claimed once the postponement has ended");
        Equal(timer, again[0], "The postponed timer, with its kind and due instant unchanged");
        True(await timers.CompleteTimerAsync(again[0], "other", cancellationToken).ConfigureAwait(false), "Completing the postponed timer once it can fire");
    }

    private static TPort Port<TPort>(IEcomStore store)
        where TPort : class
        => store as TPort ?? throw new StoreContractException($"This case needs the store (or its test wrapper) to implement {typeof(TPort).Name}.");
}
