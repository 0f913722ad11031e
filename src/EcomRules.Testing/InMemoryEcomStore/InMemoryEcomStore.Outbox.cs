using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <content>The outbox: the simple single-process operations, leased claims, failures and dead letters.</content>
public sealed partial class InMemoryEcomStore
{
    /// <summary>Gets the outbox messages not yet delivered, in commit order.</summary>
    /// <returns>A snapshot of the pending messages.</returns>
    public IReadOnlyList<StoredOutboxMessage> PendingOutbox()
    {
        lock (_gate)
        {
            var pending = new List<StoredOutboxMessage>();
            for (var i = 0; i < _log.Count; i++)
            {
                if (!IsDelivered(i))
                {
                    pending.Add(Stored(i));
                }
            }

            return pending.ToArray();
        }
    }

    /// <summary>Marks an outbox message delivered, so <see cref="PendingOutbox"/> no longer returns it.</summary>
    /// <param name="idempotencyKey">The message's idempotency key.</param>
    /// <returns>True when the message was pending and is now delivered; false when it was already delivered or is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKey"/> is null.</exception>
    public bool MarkDelivered(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        lock (_gate)
        {
            var index = _log.IndexOf(idempotencyKey);
            if (index < 0 || IsDelivered(index))
            {
                return false;
            }

            var state = State(index);
            state.IsDelivered = true;
            state.DeliveredAt = Instant.MinValue; // delivered at an unknown instant: past any retention
            state.Lease = null;
            return true;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var claimed = new List<OutboxEnvelope>();
            for (var i = 0; i < _log.Count && claimed.Count < max; i++)
            {
                if (_outboxStates.TryGetValue(i, out var state)
                    && (state.IsDelivered || state.DeadLetter || state.AvailableAt > now || (state.Lease is { } held && held.Until >= now)))
                {
                    continue;
                }

                if (state is null && _log[i].CreatedAt > now)
                {
                    continue;
                }

                State(i).Lease = new Lease(owner, now + lease);
                claimed.Add(Envelope(i));
            }

            return new ValueTask<IReadOnlyList<OutboxEnvelope>>(claimed.ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var index = HeldBy(sequence, owner);
            if (index < 0)
            {
                return new ValueTask<bool>(false);
            }

            var state = State(index);
            state.IsDelivered = true;
            state.DeliveredAt = now;
            state.Lease = null;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var index = HeldBy(sequence, owner);
            if (index < 0)
            {
                return new ValueTask<bool>(false);
            }

            var state = State(index);
            state.Attempts++;
            state.LastError = error;
            state.AvailableAt = retryAt;
            state.DeadLetter = deadLetter;
            state.Lease = null;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var dead = new List<OutboxEnvelope>();
            for (var i = 0; i < _log.Count && dead.Count < max; i++)
            {
                if (IsDeadLetter(i))
                {
                    dead.Add(Envelope(i));
                }
            }

            return new ValueTask<IReadOnlyList<OutboxEnvelope>>(dead.ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var index = IndexOf(sequence);
            if (index < 0 || !IsDeadLetter(index))
            {
                return new ValueTask<bool>(false);
            }

            var state = State(index);
            state.DeadLetter = false;
            state.Attempts = 0;
            state.AvailableAt = now;
            state.Lease = null;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            long pending = 0, dead = 0;
            Instant? oldest = null;
            for (var i = 0; i < _log.Count; i++)
            {
                if (IsDeadLetter(i))
                {
                    dead++;
                }
                else if (!IsDelivered(i))
                {
                    pending++;
                    var created = _log[i].CreatedAt;
                    oldest = oldest is { } o && o <= created ? o : created;
                }
            }

            return new ValueTask<OutboxStatistics>(new OutboxStatistics(pending, dead, oldest));
        }
    }

    private OutboxEnvelope Envelope(int index)
    {
        var message = _log[index];
        return _outboxStates.TryGetValue(index, out var state)
            ? new OutboxEnvelope(index + 1, message, state.Attempts, state.LastError, state.AvailableAt, state.DeadLetter)
            : new OutboxEnvelope(index + 1, message, 0, null, message.CreatedAt, false);
    }

    private StoredOutboxMessage Stored(int index) => new(index + 1, _log[index], IsDelivered(index));

    private bool IsDelivered(int index) => _outboxStates.TryGetValue(index, out var state) && state.IsDelivered;

    private bool IsDeadLetter(int index) => _outboxStates.TryGetValue(index, out var state) && state.DeadLetter;

    private OutboxState State(int index)
    {
        if (!_outboxStates.TryGetValue(index, out var state))
        {
            state = new OutboxState(_log[index].CreatedAt);
            _outboxStates.Add(index, state);
        }

        return state;
    }

    private int IndexOf(long sequence)
    {
        // Sequences are assigned 1, 2, 3 … in list order.
        var index = sequence - 1;
        return index >= 0 && index < _log.Count ? (int)index : -1;
    }

    private int HeldBy(long sequence, string owner)
    {
        var index = IndexOf(sequence);
        return index >= 0 && _outboxStates.TryGetValue(index, out var state) && !state.IsDelivered
            && state.Lease is { } held && string.Equals(held.Owner, owner, StringComparison.Ordinal)
            ? index
            : -1;
    }

    /// <summary>The delivery state of one outbox message, beside its <see cref="StoredOutboxMessage"/>.</summary>
    private sealed class OutboxState(Instant availableAt)
    {
        public bool IsDelivered { get; set; }

        public Instant? DeliveredAt { get; set; }

        public bool IsPurged { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public Instant AvailableAt { get; set; } = availableAt;

        public bool DeadLetter { get; set; }

        public Lease? Lease { get; set; }
    }
}
