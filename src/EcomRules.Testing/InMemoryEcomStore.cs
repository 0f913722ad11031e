using EcomRules.Engine;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="IEcomStore"/> in memory, for tests and samples: honours the store contract (<see cref="StoreContract"/>)
/// exactly, with one lock around everything, and completes synchronously. Aggregates are immutable, so the store keeps
/// references to the saved objects. Besides the port it offers inspection (<see cref="Outbox"/>, <see cref="Timers"/>,
/// <see cref="AuditTrail"/>) and the simple outbox and timer operations a single-process dispatcher needs
/// (<see cref="ClaimDueTimers"/>, <see cref="PendingOutbox"/>, <see cref="MarkDelivered"/>). Thread-safe.
/// </summary>
public sealed class InMemoryEcomStore : IEcomStore, IEcomStoreInspection
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AggregateKey, StoredAggregate> _aggregates = [];
    private readonly Dictionary<CommandId, IdempotencyRecord> _commands = [];
    private readonly Dictionary<AggregateKey, List<AuditEntry>> _auditByTarget = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly List<StoredOutboxMessage> _outbox = [];
    private readonly Dictionary<string, int> _outboxIndex = new(StringComparer.Ordinal); // built on demand by MarkDelivered
    private readonly Dictionary<string, TimerRequest> _timers = new(StringComparer.Ordinal);
    private long _lastSequence;
    private int _indexedOutbox;

    /// <summary>Gets a snapshot of every outbox message, delivered or not, in commit order.</summary>
    public IReadOnlyList<StoredOutboxMessage> Outbox
    {
        get
        {
            lock (_gate)
            {
                return _outbox.ToArray();
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
                return SortedTimers(_timers.Values);
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
                return _audit.ToArray();
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
                return _commands.Count;
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
            return new ValueTask<IdempotencyRecord?>(_commands.GetValueOrDefault(commandId));
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
            IReadOnlyList<AuditEntry> entries = _auditByTarget.TryGetValue(key, out var list) ? list.ToArray() : [];
            return new ValueTask<IReadOnlyList<AuditEntry>>(entries);
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
            foreach (var timer in _timers.Values)
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
                _timers.Remove(timer.TimerId);
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
            foreach (var message in _outbox)
            {
                if (!message.IsDelivered)
                {
                    pending.Add(message);
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
            for (var i = _indexedOutbox; i < _outbox.Count; i++)
            {
                _outboxIndex[_outbox[i].Message.IdempotencyKey] = i;
            }

            _indexedOutbox = _outbox.Count;
            if (!_outboxIndex.TryGetValue(idempotencyKey, out var index) || _outbox[index].IsDelivered)
            {
                return false;
            }

            _outbox[index] = _outbox[index] with { IsDelivered = true };
            return true;
        }
    }

    private Exception? Validate(ChangeSet changes)
    {
        if (_commands.ContainsKey(changes.Record.CommandId))
        {
            return new DuplicateCommandException(changes.Record.CommandId);
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

        if (changes.Audit is { } audit)
        {
            if (!_auditByTarget.TryGetValue(audit.Target, out var trail))
            {
                trail = [];
                _auditByTarget.Add(audit.Target, trail);
            }

            trail.Add(audit);
            _audit.Add(audit);
        }

        var outbox = changes.Outbox;
        for (var i = 0; i < outbox.Count; i++)
        {
            var message = outbox[i];
            _outbox.Add(new StoredOutboxMessage(++_lastSequence, message, IsDelivered: false));
        }

        var timers = changes.Timers;
        for (var i = 0; i < timers.Count; i++)
        {
            var timer = timers[i];
            if (timer.DueAt is null)
            {
                _timers.Remove(timer.TimerId);
            }
            else
            {
                _timers[timer.TimerId] = timer;
            }
        }

        _commands.Add(changes.Record.CommandId, changes.Record);
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
}
