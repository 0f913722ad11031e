using NodaTime;

namespace EcomRules.Ports;

/// <summary>
/// The outbox side of a store: messages saved with state changes (<see cref="IEcomStore.SaveAsync"/>) are claimed
/// with a lease, delivered at least once, and completed, retried with backoff, or dead-lettered. Leases let several
/// hosts share one database (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>): a message claimed by one owner is not
/// claimed by another until the lease expires.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> available messages, oldest first, for <paramref name="lease"/>. A store that
    /// serializes events dead-letters a message whose event it cannot read (written by another release), with the
    /// reason, instead of returning it or failing the claim, so the messages behind it are delivered.
    /// </summary>
    /// <param name="owner">The claiming host or worker (unique per process).</param>
    /// <param name="max">The most messages to claim.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed messages.</returns>
    ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed message delivered. Does nothing if the claim was lost.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The owner that claimed it.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this owner still held the claim and the message is now delivered.</returns>
    ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Records a failed delivery: available again at <paramref name="retryAt"/>, or dead-lettered.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The owner that claimed it.</param>
    /// <param name="error">What went wrong (no personal data).</param>
    /// <param name="retryAt">When to try again.</param>
    /// <param name="deadLetter">Whether to give up until a person retries it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this owner still held the claim.</returns>
    ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default);

    /// <summary>Reads dead-lettered messages, oldest first.</summary>
    /// <param name="max">The most to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dead letters.</returns>
    ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Makes a dead-lettered message available again, with its attempts reset.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the message was dead-lettered and is now pending.</returns>
    ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default);

    /// <summary>Reads the outbox's backlog and dead letters (for health checks and the lag metric).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The statistics.</returns>
    ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default);
}
