using System.Globalization;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Fires due timers: claims a batch with a lease, executes each timer's command through the engine at the timer's
/// due instant with command ID <c>timer/{timerId}/{dueAt ticks}</c>, then completes the timer. A timer fired twice (a
/// crash before completion, an expired lease) executes the same command ID again and has no second effect; a timer
/// moved since it was claimed is left to fire at its new instant.
/// <list type="bullet">
/// <item><c>auto-complete</c> → <see cref="CompleteOrder"/> (ORD-1, ORD-5).</item>
/// <item><c>sla-breach</c> → <see cref="RecordDeadlinePassed"/> with the SLA ID from the timer ID (SLA-8).</item>
/// <item><c>dispatch-deadline</c> → <see cref="RecordDeadlinePassed"/> (ORD-3).</item>
/// <item>Any other kind is not EcomRules' own: it is completed without a command and counted in <see cref="Skipped"/>,
/// so an unknown timer never blocks the queue.</item>
/// </list>
/// A command that throws (the order kept changing beyond the engine's retries) leaves the timer claimed; it fires
/// again when the lease expires. No hosting dependency: a host calls <see cref="RunOnceAsync"/> in a loop with its
/// clock. Thread-safe.
/// </summary>
public sealed class TimerScheduler
{
    private readonly ITimerStore _timers;
    private readonly EcomEngine _engine;
    private readonly TimerSchedulerOptions _options;
    private long _fired;
    private long _skipped;
    private long _failed;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="timers">The timers to fire (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the timers' commands.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timers"/> or <paramref name="engine"/> is null.</exception>
    public TimerScheduler(ITimerStore timers, EcomEngine engine, TimerSchedulerOptions? options = null)
    {
        _timers = Preconditions.CheckNotNull(timers);
        _engine = Preconditions.CheckNotNull(engine);
        _options = options ?? new TimerSchedulerOptions();
    }

    /// <summary>Gets how many timers fired their command and were completed.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    /// <summary>Gets how many timers of unknown kinds were completed without a command.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Gets how many firings threw; those timers fire again when their lease expires.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets the command ID a timer fires with: the same for every firing of one timer at one due instant.</summary>
    /// <param name="timer">The timer.</param>
    /// <returns><c>timer/{timerId}/{dueAt as Unix ticks}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    public static CommandId CommandIdFor(DueTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new CommandId(string.Create(CultureInfo.InvariantCulture, $"timer/{timer.TimerId}/{timer.DueAt.ToUnixTimeTicks()}"));
    }

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
            var command = CommandFor(timer);
            if (command is not null)
            {
                try
                {
                    await _engine.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    continue;
                }
            }

            await _timers.CompleteTimerAsync(timer, owner, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref command is null ? ref _skipped : ref _fired);
        }

        return batch.Count;
    }

    private static EcomCommand? CommandFor(DueTimer timer)
    {
        if (!string.Equals(timer.Target.Kind, OrderId.Kind, StringComparison.Ordinal))
        {
            return null;
        }

        var order = new OrderId(timer.Target.Id);
        return timer.Kind switch
        {
            RecordTrackingEvent.AutoCompleteTimerKind => new CompleteOrder(CommandIdFor(timer), Actor.System, timer.DueAt, order),
            OrderSlas.BreachTimerKind => new RecordDeadlinePassed(CommandIdFor(timer), Actor.System, timer.DueAt, order, timer.Kind, SlaIdOf(timer.TimerId)),
            PayOrder.DispatchDeadlineTimerKind => new RecordDeadlinePassed(CommandIdFor(timer), Actor.System, timer.DueAt, order, timer.Kind, null),
            _ => null,
        };
    }

    // Breach timer IDs are order/{id}/SLA-n (TimerRequest: {kind}/{id}/{name}): the SLA is the last segment.
    private static string SlaIdOf(string timerId) => timerId[(timerId.LastIndexOf('/') + 1)..];
}
