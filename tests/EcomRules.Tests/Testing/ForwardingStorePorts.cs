using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Tests.Testing;

/// <summary>
/// The leased outbox, timer and retention ports of a durable store, forwarded: the test wrappers that add
/// <see cref="EcomRules.Testing.IEcomStoreInspection"/> derive from it so the store contract reaches every port.
/// </summary>
/// <typeparam name="TStore">The store.</typeparam>
internal abstract class ForwardingStorePorts<TStore>(TStore inner) : IOutboxStore, ITimerStore, IRetentionStore
    where TStore : IOutboxStore, ITimerStore, IRetentionStore
{
    protected TStore Inner { get; } = inner;

    public ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default) => Inner.ClaimOutboxAsync(owner, max, now, lease, cancellationToken);

    public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default) => Inner.CompleteOutboxAsync(sequence, owner, now, cancellationToken);

    public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
        => Inner.FailOutboxAsync(sequence, owner, error, retryAt, deadLetter, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default) => Inner.ReadDeadLettersAsync(max, cancellationToken);

    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default) => Inner.RetryDeadLetterAsync(sequence, now, cancellationToken);

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) => Inner.GetOutboxStatisticsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default) => Inner.ClaimDueTimersAsync(owner, max, now, lease, cancellationToken);

    public ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default) => Inner.CompleteTimerAsync(timer, owner, cancellationToken);

    public ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default) => Inner.PostponeTimerAsync(timer, owner, until, cancellationToken);

    public ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
        => Inner.ListTimersAsync(dueFrom, max, after, cancellationToken);

    public ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default) => Inner.CountTimersAsync(cancellationToken);

    public ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default) => Inner.PurgeDeliveredOutboxAsync(deliveredBy, max, cancellationToken);
}
