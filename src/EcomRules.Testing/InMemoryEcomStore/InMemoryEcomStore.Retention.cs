using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <content>Postponing unhandled timers and purging delivered outbox messages (ORD-6, SEC-3).</content>
public sealed partial class InMemoryEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!Holds(timer, owner, out _))
            {
                return new ValueTask<bool>(false);
            }

            // The lease is extended, the due instant kept: the timer fires at its own instant once a handler exists.
            _timerLeases[timer.TimerId] = new Lease(owner, until);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    /// <remarks>The store keeps every change set (and so every message) in memory: a purged message is only left out of
    /// <see cref="Outbox"/>; the memory is not returned.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var purged = 0;
            for (var i = 0; i < _log.Count && purged < max; i++)
            {
                if (_outboxStates.TryGetValue(i, out var state) && state is { IsDelivered: true, IsPurged: false, Lease: null, DeliveredAt: { } at } && at <= deliveredBy)
                {
                    state.IsPurged = true;
                    purged++;
                }
            }

            return new ValueTask<int>(purged);
        }
    }

    // Whether owner holds the lease of timer at its claimed due instant (not moved or cancelled since); call under the lock.
    private bool Holds(DueTimer timer, string owner, out TimerRequest probe)
    {
        probe = new TimerRequest(timer.TimerId, timer.Target, timer.Kind, timer.DueAt);
        return _timers.TryGetValue(probe, out var stored) && stored.DueAt == timer.DueAt
            && _timerLeases.TryGetValue(timer.TimerId, out var held) && string.Equals(held.Owner, owner, StringComparison.Ordinal);
    }

    private bool IsPurged(int index) => _outboxStates.TryGetValue(index, out var state) && state.IsPurged;
}
