using EcomRules.Commands;

namespace EcomRules.Testing;

/// <content>Inspection (<see cref="IEcomStoreInspection"/>): snapshots of what is stored.</content>
public sealed partial class InMemoryEcomStore
{
    /// <summary>Gets a snapshot of every outbox message, delivered or not, in commit order; purged ones are left out (<see cref="PurgeDeliveredOutboxAsync"/>).</summary>
    public IReadOnlyList<StoredOutboxMessage> Outbox
    {
        get
        {
            lock (_gate)
            {
                var stored = new List<StoredOutboxMessage>(_log.Count);
                for (var i = 0; i < _log.Count; i++)
                {
                    if (!IsPurged(i))
                    {
                        stored.Add(Stored(i));
                    }
                }

                return stored.ToArray();
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
}
