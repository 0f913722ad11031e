using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <content>Timers: the simple single-process claim, leased claims, completion and count.</content>
public sealed partial class InMemoryEcomStore
{
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
            if (!Holds(timer, owner, out var probe))
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
}
