using NodaTime;

namespace EcomRules.Ports;

/// <summary>
/// The timer side of a store: timers saved with state changes (<see cref="IEcomStore.SaveAsync"/>) are claimed when
/// due, with a lease so several hosts can share one database, fired, and completed. Firing executes a command whose
/// ID is derived from the timer and its due instant, so a timer fired twice (a lease expired mid-fire, a crash)
/// still has one effect.
/// </summary>
public interface ITimerStore
{
    /// <summary>Claims up to <paramref name="max"/> timers due at <paramref name="now"/>, earliest first, for <paramref name="lease"/>.</summary>
    /// <param name="owner">The claiming host or worker (unique per process).</param>
    /// <param name="max">The most timers to claim.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed timers.</returns>
    ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>Deletes a fired timer, unless it was moved or cancelled since it was claimed.</summary>
    /// <param name="timer">The timer as claimed.</param>
    /// <param name="owner">The owner that claimed it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the timer was deleted.</returns>
    ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists scheduled timers due at or after <paramref name="dueFrom"/>, ordered by due instant and then by timer ID
    /// (ordinal), without claiming them: what a changed working calendar may move (SLA-8). Page with
    /// <paramref name="after"/>: the last timer of the previous page.
    /// </summary>
    /// <param name="dueFrom">The earliest due instant listed.</param>
    /// <param name="max">The most timers to list; at least 1.</param>
    /// <param name="after">The last timer of the previous page, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The timers, at most <paramref name="max"/>; fewer when the list is done.</returns>
    /// <exception cref="NotSupportedException">The store does not list timers (a store written before this member; the
    /// default implementation). Deadlines computed provisionally are then not recomputed when a year's data is added.</exception>
    ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"{GetType().Name} does not list timers; implement ITimerStore.ListTimersAsync to recompute provisional deadlines (SLA-8).");

    /// <summary>
    /// Keeps a claimed timer that could not fire (its kind has no handler) for a later retry: it stays stored with its
    /// due instant and kind, and no owner can claim it before <paramref name="until"/>. Nothing happens unless
    /// <paramref name="owner"/> still holds it at the same due instant.
    /// </summary>
    /// <param name="timer">The timer as claimed.</param>
    /// <param name="owner">The owner that claimed it.</param>
    /// <param name="until">When it may be claimed again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the timer was postponed. The default implementation postpones nothing and returns false, which
    /// leaves the timer to its claim's lease.</returns>
    ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<bool>(cancellationToken) : ValueTask.FromResult(false);

    /// <summary>Counts the stored timers (for health checks and tests).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many timers are scheduled.</returns>
    ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default);
}
