using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Ports;
using EcomRules.Queues;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// Wraps a store and injects what real databases do under load, so that you can test your own concurrency and retry
/// handling without writing an <see cref="IEcomStore"/>: concurrency conflicts on save, crashes before or after a save
/// commits (<see cref="StoreCrashException"/>), and delays on any call. <see cref="StoreFaults"/> says how often; the
/// faults are drawn from a pseudo-random sequence with its seed, so a failing test fails the same way again when
/// its calls come in the same order (single-threaded callers, or a fixed interleaving). Every injected fault is in
/// <see cref="Injected"/>. Outbox, timer and work-queue calls pass through (with delays) when the inner store has them. Thread-safe
/// when the inner store is.
/// </summary>
/// <example>
/// <code>
/// var store = new FaultInjectingStore(new InMemoryEcomStore(), new StoreFaults { Seed = 7, ConflictProbability = 0.3 });
/// var engine = new EcomEngine(store, EcomPolicy.RetailPlatform); // the engine retries conflicts itself
/// </code>
/// </example>
public sealed class FaultInjectingStore : IEcomStore, IOutboxStore, ITimerStore, IRetentionStore, IWorkQueueStore
{
    private readonly IEcomStore _inner;
    private readonly Random _random;
    private readonly Func<Duration, CancellationToken, Task> _delay;
    private readonly List<InjectedFault> _injected = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the wrapper.</summary>
    /// <param name="inner">The store that does the work.</param>
    /// <param name="faults">What to inject.</param>
    /// <param name="delay">Waits for an injected delay; null for <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.
    /// Pass your own to make delays instant or to advance a fake clock instead.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> or <paramref name="faults"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability in <paramref name="faults"/> is outside 0–1, its three save faults add up to more than 1, or its <see cref="StoreFaults.MaxDelay"/> is negative.</exception>
    public FaultInjectingStore(IEcomStore inner, StoreFaults faults, Func<Duration, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(faults);
        faults.Validate(nameof(faults));
        _inner = inner;
        Faults = faults;
        _random = new Random(faults.Seed);
        _delay = delay ?? ((d, ct) => Task.Delay(d.ToTimeSpan(), ct));
    }

    /// <summary>Gets what the store injects.</summary>
    public StoreFaults Faults { get; }

    /// <summary>Gets the faults injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_gate)
            {
                return [.. _injected];
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(LoadAsync), default, cancellationToken).ConfigureAwait(false);
        return await _inner.LoadAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(FindCommandAsync), commandId, cancellationToken).ConfigureAwait(false);
        return await _inner.FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="StoreCrashException">An injected crash, before or after the commit.</exception>
    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await MaybeDelayAsync(nameof(SaveAsync), changes.CommandId, cancellationToken).ConfigureAwait(false);
        var fault = DrawSaveFault(changes);
        switch (fault)
        {
            case InjectedFaultKind.Conflict:
                var write = changes.Writes[0];
                throw new ConcurrencyConflictException(write.Key, write.ExpectedVersion, write.ExpectedVersion + 1);
            case InjectedFaultKind.CrashBeforeCommit:
                throw new StoreCrashException(committed: false);
            default:
                await _inner.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
                if (fault == InjectedFaultKind.CrashAfterCommit)
                {
                    throw new StoreCrashException(committed: true);
                }

                break;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(ReadAuditAsync), default, cancellationToken).ConfigureAwait(false);
        return await _inner.ReadAuditAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(ClaimOutboxAsync), default, cancellationToken).ConfigureAwait(false);
        return await Outbox.ClaimOutboxAsync(owner, max, now, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public async ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(CompleteOutboxAsync), default, cancellationToken).ConfigureAwait(false);
        return await Outbox.CompleteOutboxAsync(sequence, owner, now, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public async ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(FailOutboxAsync), default, cancellationToken).ConfigureAwait(false);
        return await Outbox.FailOutboxAsync(sequence, owner, error, retryAt, deadLetter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
        => Outbox.ReadDeadLettersAsync(max, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
        => Outbox.RetryDeadLetterAsync(sequence, now, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no outbox.</exception>
    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
        => Outbox.GetOutboxStatisticsAsync(cancellationToken);

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no timers.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(ClaimDueTimersAsync), default, cancellationToken).ConfigureAwait(false);
        return await Timers.ClaimDueTimersAsync(owner, max, now, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no timers.</exception>
    public async ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        await MaybeDelayAsync(nameof(CompleteTimerAsync), default, cancellationToken).ConfigureAwait(false);
        return await Timers.CompleteTimerAsync(timer, owner, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no timers.</exception>
    public ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
        => Timers.CountTimersAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>Passed through without faults (SLA-8: what a changed calendar may move).</remarks>
    public ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
        => Timers.ListTimersAsync(dueFrom, max, after, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Passed through without faults.</remarks>
    public ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default)
        => Timers.PostponeTimerAsync(timer, owner, until, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Passed through without faults; the wrapped store must have retention (<see cref="IRetentionStore"/>).</remarks>
    /// <exception cref="NotSupportedException">The wrapped store has no retention.</exception>
    public ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default)
        => (_inner as IRetentionStore ?? throw new NotSupportedException($"The wrapped {_inner.GetType().Name} has no retention (IRetentionStore)."))
            .PurgeDeliveredOutboxAsync(deliveredBy, max, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The inner store has no work queues.</exception>
    public async ValueTask<WorkQueuePage> ReadWorkQueueAsync(WorkQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queues = _inner as IWorkQueueStore ?? throw new NotSupportedException($"The wrapped {_inner.GetType().Name} has no work queues (IWorkQueueStore).");
        await MaybeDelayAsync(nameof(ReadWorkQueueAsync), default, cancellationToken).ConfigureAwait(false);
        return await queues.ReadWorkQueueAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private IOutboxStore Outbox => _inner as IOutboxStore
        ?? throw new NotSupportedException($"The wrapped {_inner.GetType().Name} has no outbox (IOutboxStore).");

    private ITimerStore Timers => _inner as ITimerStore
        ?? throw new NotSupportedException($"The wrapped {_inner.GetType().Name} has no timers (ITimerStore).");

    private async Task MaybeDelayAsync(string operation, CommandId commandId, CancellationToken cancellationToken)
    {
        Duration delay;
        lock (_gate)
        {
            // Always draw, so a probability of 0 and one of 1 consume the sequence alike and other faults stay put.
            var draw = _random.NextDouble();
            var length = Duration.FromMilliseconds(_random.NextInt64((long)Faults.MaxDelay.TotalMilliseconds + 1));
            if (draw >= Faults.DelayProbability)
            {
                return;
            }

            delay = length;
            _injected.Add(new InjectedFault(InjectedFaultKind.Delay, operation, commandId, delay));
        }

        await _delay(delay, cancellationToken).ConfigureAwait(false);
    }

    private InjectedFaultKind? DrawSaveFault(ChangeSet changes)
    {
        lock (_gate)
        {
            var draw = _random.NextDouble();
            InjectedFaultKind? fault = null;
            if (draw < Faults.ConflictProbability)
            {
                // Only a save that writes aggregates can conflict (a refusal's record writes none).
                fault = changes.Writes.Count > 0 ? InjectedFaultKind.Conflict : null;
            }
            else if (draw < Faults.ConflictProbability + Faults.CrashBeforeCommitProbability)
            {
                fault = InjectedFaultKind.CrashBeforeCommit;
            }
            else if (draw < Faults.ConflictProbability + Faults.CrashBeforeCommitProbability + Faults.CrashAfterCommitProbability)
            {
                fault = InjectedFaultKind.CrashAfterCommit;
            }

            if (fault is { } kind)
            {
                _injected.Add(new InjectedFault(kind, nameof(SaveAsync), changes.CommandId, Duration.Zero));
            }

            return fault;
        }
    }
}
