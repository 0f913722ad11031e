using NodaTime;

namespace EcomRules.Ports;

/// <summary>
/// Keeps a store's delivery tables bounded: delivered outbox messages are deleted once their retention has passed, in
/// batches, by a background job. Audit entries and idempotency records are not touched here: they keep their own
/// retention of at least 5 years (ORD-6, SEC-3). Completed timers need no purge: completing a timer deletes it.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes up to <paramref name="max"/> outbox messages delivered at or before <paramref name="deliveredBy"/>, oldest
    /// first. Never deletes a message that is undelivered, dead-lettered or leased.
    /// </summary>
    /// <param name="deliveredBy">The latest delivery instant to purge (now minus the retention).</param>
    /// <param name="max">The most messages to delete in this batch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many messages were deleted; fewer than <paramref name="max"/> means nothing more is due.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default);
}
