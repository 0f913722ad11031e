using System.Collections.Concurrent;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Fires due timers: claims a batch with a lease, executes each timer's command through the engine at the timer's
/// due instant with command ID <c>timer/{timerId}/{dueAt ticks}</c>, then completes the timer. A timer fired twice (a
/// crash before completion, an expired lease) executes the same command ID again and has no second effect; a timer
/// moved since it was claimed is left to fire at its new instant.
/// <para>Which command a timer fires is looked up in a <see cref="TimerHandlerRegistry"/> by the timer's aggregate kind
/// and kind; each module registers the timers it schedules (<see cref="EcomModules.TimerHandlers"/>: orders and
/// return cases). A timer whose kind has no handler is never completed without its command: it is counted in
/// <see cref="Unhandled"/>, reported to the engine's diagnostics (once per kind as the first), and postponed by
/// <see cref="TimerSchedulerOptions.UnhandledRetry"/> (<see cref="ITimerStore.PostponeTimerAsync"/>) so it neither
/// vanishes nor blocks the timers behind it (SLA-8).</para>
/// A timer whose command throws (the order kept changing beyond the engine's retries, the store failed), or whose
/// handler cannot build its command, is counted in <see cref="Failed"/>, reported to the engine's diagnostics
/// (<see cref="Diagnostics.IEcomDiagnostics.TimerFailed"/>) and left claimed: it fires again when the lease expires,
/// and the other timers of the batch fire meanwhile. No hosting dependency: a host calls <see cref="RunOnceAsync"/> in a loop with its
/// clock. Thread-safe.
/// </summary>
public sealed class TimerScheduler
{
    private readonly ITimerStore _timers;
    private readonly EcomEngine _engine;
    private readonly TimerHandlerRegistry _handlers;
    private readonly TimerSchedulerOptions _options;
    private readonly ConcurrentDictionary<(string AggregateKind, string TimerKind), bool> _reported = new();
    private long _fired;
    private long _unhandled;
    private long _failed;

    /// <summary>Creates a scheduler with the <see cref="EcomModules.TimerHandlers"/> handlers.</summary>
    /// <param name="timers">The timers to fire (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the timers' commands.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timers"/> or <paramref name="engine"/> is null.</exception>
    public TimerScheduler(ITimerStore timers, EcomEngine engine, TimerSchedulerOptions? options = null)
        : this(timers, engine, EcomModules.TimerHandlers, options)
    {
    }

    /// <summary>Creates a scheduler with the given handlers.</summary>
    /// <param name="timers">The timers to fire (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the timers' commands; unhandled timers are reported to its diagnostics.</param>
    /// <param name="handlers">Which command each timer kind fires.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timers"/>, <paramref name="engine"/> or <paramref name="handlers"/> is null.</exception>
    public TimerScheduler(ITimerStore timers, EcomEngine engine, TimerHandlerRegistry handlers, TimerSchedulerOptions? options = null)
    {
        _timers = Preconditions.CheckNotNull(timers);
        _engine = Preconditions.CheckNotNull(engine);
        _handlers = Preconditions.CheckNotNull(handlers);
        _options = options ?? new TimerSchedulerOptions();
    }

    /// <summary>Gets how many timers fired their command and were completed.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    /// <summary>Gets how many due timers had no handler for their kind; each was postponed, not completed.</summary>
    public long Unhandled => Interlocked.Read(ref _unhandled);

    /// <summary>Gets how many firings threw (the command, or the handler building it); those timers fire again when their lease expires.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets the command ID a timer fires with: the same for every firing of one timer at one due instant.</summary>
    /// <param name="timer">The timer.</param>
    /// <returns><c>timer/{timerId}/{dueAt as Unix ticks}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    public static CommandId CommandIdFor(DueTimer timer) => TimerHandlerRegistry.CommandIdFor(timer);

    /// <summary>Claims one batch of due timers for <paramref name="owner"/> and fires them, earliest first.</summary>
    /// <param name="owner">This scheduler's owner name (unique per process).</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <param name="cancellationToken">Cancels the run; a timer being fired is left to its lease.</param>
    /// <returns>How many timers were claimed.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<int> RunOnceAsync(string owner, Instant now, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotBlank(owner);
        var batch = await _timers.ClaimDueTimersAsync(owner, _options.BatchSize, now, _options.Lease, cancellationToken).ConfigureAwait(false);
        foreach (var timer in batch)
        {
            EcomCommand? command;
            try
            {
                command = _handlers.CommandFor(timer);
            }
            catch (Exception e)
            {
                // A handler that cannot build this timer's command fails this timer alone; the rest of the batch fires.
                ReportFailure(timer, e);
                continue;
            }

            if (command is null)
            {
                // Never completed without its command: reported, then kept for a retry (SLA-8).
                Interlocked.Increment(ref _unhandled);
                _engine.Diagnostics.TimerUnhandled(timer, _reported.TryAdd((timer.Target.Kind, timer.Kind), true));
                await _timers.PostponeTimerAsync(timer, owner, now + _options.UnhandledRetry, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                var decision = await _engine.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
                if (decision.Code == RefusalCode.CalendarNotCovered)
                {
                    // DSP-1: the policy refuses a year without holiday data; the timer waits for the data, never deleted unfired.
                    Interlocked.Increment(ref _failed);
                    await _timers.PostponeTimerAsync(timer, owner, now + _options.UnhandledRetry, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                ReportFailure(timer, e);
                continue;
            }

            await _timers.CompleteTimerAsync(timer, owner, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _fired);
        }

        return batch.Count;
    }

    // Left claimed: the timer fires again when its lease expires, at the same due instant and with the same command ID.
    private void ReportFailure(DueTimer timer, Exception exception)
    {
        Interlocked.Increment(ref _failed);
        _engine.Diagnostics.TimerFailed(timer, exception);
    }
}
