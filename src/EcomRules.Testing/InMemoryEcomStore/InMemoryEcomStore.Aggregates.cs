using EcomRules.Commands;

namespace EcomRules.Testing;

/// <content>Aggregates and idempotency records: reads, and the save that validates everything before it changes anything.</content>
public sealed partial class InMemoryEcomStore
{
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
}
