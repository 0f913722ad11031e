using EcomRules.Engine;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="IEcomStore"/> in memory, for tests and samples: honours the store contract (<see cref="StoreContract"/>)
/// exactly, with one lock around everything, and completes synchronously. Aggregates and change sets are immutable, so
/// the store keeps references to the saved objects: every change set is kept as saved (the idempotency records, audit
/// trail and outbox are read from them), so memory grows with every command, each version's state included. Besides the port it offers inspection (<see cref="Outbox"/>, <see cref="Timers"/>,
/// <see cref="AuditTrail"/>) and the simple outbox and timer operations a single-process dispatcher needs
/// (<see cref="ClaimDueTimers"/>, <see cref="PendingOutbox"/>, <see cref="MarkDelivered"/>), and the leased outbox and
/// timer ports (<see cref="IOutboxStore"/>, <see cref="ITimerStore"/>) with the same semantics as the durable stores:
/// a claim holds until its lease expires, failures count attempts, and dead letters wait for a retry. Thread-safe.
/// </summary>
public sealed partial class InMemoryEcomStore : IEcomStore, IEcomStoreInspection, IOutboxStore, ITimerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AggregateKey, StoredAggregate> _aggregates = [];
    // Timers in a set keyed by their own IDs (16 bytes an entry, not a dictionary's 24 with the key beside the value).
    // Every change set as saved (change sets are immutable): the idempotency records, the audit trail and the outbox
    // (sequence = index + 1) are read from them, so saving adds one entry per command and builds no record, audit
    // entry or message. Delivery, claim and failure state is kept only for the messages touched.
    private readonly ChangeLog _log = new();
    private readonly Dictionary<string, int> _outboxIndex = new(StringComparer.Ordinal); // built on demand by MarkDelivered
    private readonly HashSet<TimerRequest> _timers = new(TimerRequest.IdComparer); // by timer ID
    private readonly Dictionary<int, OutboxState> _outboxStates = [];
    private readonly Dictionary<string, Lease> _timerLeases = new(StringComparer.Ordinal);
    private int _indexedOutbox;

    /// <summary>Creates an empty store.</summary>
    public InMemoryEcomStore()
    {
    }

    /// <summary>Gets a snapshot of every outbox message, delivered or not, in commit order.</summary>
    public IReadOnlyList<StoredOutboxMessage> Outbox
    {
        get
        {
            lock (_gate)
            {
                var stored = new StoredOutboxMessage[_log.Count];
                for (var i = 0; i < stored.Length; i++)
                {
                    stored[i] = Stored(i);
                }

                return stored;
            }
        }
    }

    /// <summary>Gets a snapshot of the scheduled timers, earliest due first, then by timer ID.</summary>
    public IReadOnlyList<TimerRequest> Timers
    {
        get
        {
            lock (_gate)
            {
                return SortedTimers(_timers);
            }
        }
    }

    /// <summary>Gets a snapshot of the whole audit trail (SEC-3), in commit order across all aggregates.</summary>
    public IReadOnlyList<AuditEntry> AuditTrail
    {
        get
        {
            lock (_gate)
            {
                return _log.AuditTrail(null);
            }
        }
    }

    /// <summary>Gets how many aggregates are stored.</summary>
    public int AggregateCount
    {
        get
        {
            lock (_gate)
            {
                return _aggregates.Count;
            }
        }
    }

    /// <summary>Gets how many command IDs are recorded (accepted and refused).</summary>
    public int CommandCount
    {
        get
        {
            lock (_gate)
            {
                return _log.Commands;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<StoredAggregate?>(cancellationToken);
        }

        lock (_gate)
        {
            return new ValueTask<StoredAggregate?>(_aggregates.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IdempotencyRecord?>(cancellationToken);
        }

        lock (_gate)
        {
            return new ValueTask<IdempotencyRecord?>(_log.Find(commandId)?.Record);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set writes the same aggregate twice.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was saved.</exception>
    public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            // Validate everything first: a failed save changes nothing.
            var error = Validate(changes);
            if (error is not null)
            {
                return ValueTask.FromException(error);
            }

            Apply(changes);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IReadOnlyList<AuditEntry>>(cancellationToken);
        }

        lock (_gate)
        {
            // One trail for all aggregates, filtered on read: saving (the measured path) keeps no per-aggregate lists.
            return new ValueTask<IReadOnlyList<AuditEntry>>(_log.AuditTrail(key));
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<IReadOnlyList<StoredOutboxMessage>>(cancellationToken)
            : new ValueTask<IReadOnlyList<StoredOutboxMessage>>(Outbox);

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<TimerRequest>> ReadTimersAsync(CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<IReadOnlyList<TimerRequest>>(cancellationToken)
            : new ValueTask<IReadOnlyList<TimerRequest>>(Timers);

    /// <summary>
    /// Removes and returns the timers due at or before <paramref name="now"/>, earliest first, at most
    /// <paramref name="max"/>. A claimed timer is never returned again, so within one process each timer fires once;
    /// leases for several processes belong to the durable stores.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="max">The most timers to claim.</param>
    /// <returns>The claimed timers, earliest due first, then by timer ID.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    public IReadOnlyList<TimerRequest> ClaimDueTimers(Instant now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            var due = new List<TimerRequest>();
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= now)
                {
                    due.Add(timer);
                }
            }

            var claimed = SortedTimers(due);
            if (claimed.Length > max)
            {
                claimed = claimed[..max];
            }

            foreach (var timer in claimed)
            {
                _timers.Remove(timer);
                _timerLeases.Remove(timer.TimerId);
            }

            return claimed;
        }
    }

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
            // Saving does not index the outbox (most stores are never asked): catch up with the messages saved since.
            for (var i = _indexedOutbox; i < _log.Count; i++)
            {
                _outboxIndex[_log[i].IdempotencyKey] = i;
            }

            _indexedOutbox = _log.Count;
            if (!_outboxIndex.TryGetValue(idempotencyKey, out var index) || IsDelivered(index))
            {
                return false;
            }

            var state = State(index);
            state.IsDelivered = true;
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

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var due = new List<TimerRequest>();
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= now && !(_timerLeases.TryGetValue(timer.TimerId, out var held) && held.Until >= now))
                {
                    due.Add(timer);
                }
            }

            var sorted = SortedTimers(due);
            var claimed = new DueTimer[Math.Min(max, sorted.Length)];
            for (var i = 0; i < claimed.Length; i++)
            {
                var timer = sorted[i];
                _timerLeases[timer.TimerId] = new Lease(owner, now + lease);
                claimed[i] = new DueTimer(timer.TimerId, timer.Target, timer.Kind, timer.DueAt!.Value);
            }

            return new ValueTask<IReadOnlyList<DueTimer>>(claimed);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // A timer moved since the claim has another due instant (and no lease): it stays, to fire when due.
            var probe = new TimerRequest(timer.TimerId, timer.Target, timer.Kind, timer.DueAt);
            if (!_timers.TryGetValue(probe, out var stored) || stored.DueAt != timer.DueAt
                || !_timerLeases.TryGetValue(timer.TimerId, out var held) || !string.Equals(held.Owner, owner, StringComparison.Ordinal))
            {
                return new ValueTask<bool>(false);
            }

            _timers.Remove(probe);
            _timerLeases.Remove(timer.TimerId);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new ValueTask<long>(_timers.Count);
        }
    }

    private static void CheckClaim(string owner, int max, Duration lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), "A lease must be positive.");
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

    private Exception? Validate(ChangeSet changes)
    {
        if (_log.Find(changes.CommandId) is not null)
        {
            return new DuplicateCommandException(changes.CommandId);
        }

        var writes = changes.Writes;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            for (var j = 0; j < i; j++)
            {
                if (writes[j].Key == write.Key)
                {
                    return new ArgumentException($"The change set writes {write.Key} twice.", nameof(changes));
                }
            }

            var actual = _aggregates.TryGetValue(write.Key, out var stored) ? stored.Version : 0;
            if (actual != write.ExpectedVersion)
            {
                return new ConcurrencyConflictException(write.Key, write.ExpectedVersion, actual);
            }
        }

        return null;
    }

    private void Apply(ChangeSet changes)
    {
        var writes = changes.Writes;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            _aggregates[write.Key] = new StoredAggregate(write.Key, write.NewVersion, write.State);
        }

        _log.Add(changes);

        var timers = changes.Timers;
        for (var i = 0; i < timers.Count; i++)
        {
            var timer = timers[i];
            // Scheduling or cancelling a timer ends any claim on it: a moved timer fires at its new instant.
            if (_timerLeases.Count > 0)
            {
                _timerLeases.Remove(timer.TimerId);
            }

            if (timer.DueAt is null)
            {
                _timers.Remove(timer);
            }
            else
            {
                if (!_timers.Add(timer))
                {
                    // A moved timer: the latest request replaces the one with its ID.
                    _timers.Remove(timer);
                    _timers.Add(timer);
                }
            }
        }

    }

    private static TimerRequest[] SortedTimers(IEnumerable<TimerRequest> timers)
    {
        var sorted = timers.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byDue = Nullable.Compare(a.DueAt, b.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.TimerId, b.TimerId);
        });
        return sorted;
    }

    private readonly record struct Lease(string Owner, Instant Until);

    /// <summary>The delivery state of one outbox message, beside its <see cref="StoredOutboxMessage"/>.</summary>
    private sealed class OutboxState(Instant availableAt)
    {
        public bool IsDelivered { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public Instant AvailableAt { get; set; } = availableAt;

        public bool DeadLetter { get; set; }

        public Lease? Lease { get; set; }
    }
}
