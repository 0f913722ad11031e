using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Delivers outbox messages to the ports, at least once: claims a batch with a lease, delivers each message, and
/// completes it — or records the failure with exponential backoff, dead-lettering it after
/// <see cref="OutboxDispatcherOptions.MaxAttempts"/> failures. Every port call carries the message's idempotency key
/// (or one derived from it), so a message delivered twice (a crash between the port call and the completion, an
/// expired lease) has one effect.
/// How a message is delivered is looked up in an <see cref="OutboxHandlerRegistry"/> by its event's type; each module
/// registers the events it raises (<see cref="EcomModules.OutboxHandlers"/>: invoices INV-1, shipments CAR-2, customer
/// notifications ORD-4, SLA warnings SLA-8, replacement shipments RET-5, credit notes INV-3). A handler's follow-up
/// command records the port's answer through the engine with command ID <c>{key}/record</c>. Any other event has no
/// port to reach: it is completed.
/// A follow-up command is issued at the delivery instant; on a redelivery the engine finds its command ID already
/// used (<see cref="RefusalCode.CommandIdReused"/> or the first decision) and nothing happens twice. A follow-up the
/// business refuses (the order was cancelled meanwhile) completes the message and counts in <see cref="Refused"/>;
/// the refusal is in the command's idempotency record. No hosting dependency: a host calls <see cref="RunOnceAsync"/>
/// in a loop with its clock. Thread-safe; several dispatchers (distinct owners) may share one store.
/// </summary>
public sealed class OutboxDispatcher
{
    private const int MaxErrorLength = 1000;

    private readonly IOutboxStore _outbox;
    private readonly EcomEngine _engine;
    private readonly IInvoiceIssuer _invoices;
    private readonly CarrierRouter _carriers;
    private readonly INotifier _notifier;
    private readonly OutboxDispatcherOptions _options;
    private readonly OutboxHandlerRegistry _handlers;
    private long _delivered;
    private long _failed;
    private long _deadLettered;
    private long _refused;
    private long _lostClaims;

    /// <summary>Creates a dispatcher with the <see cref="EcomModules.OutboxHandlers"/> handlers.</summary>
    /// <param name="outbox">The outbox to deliver from (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the follow-up commands (such as recording an issued invoice).</param>
    /// <param name="invoices">The invoicing port.</param>
    /// <param name="carriers">The carrier router.</param>
    /// <param name="notifier">The SMS port.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">A port, the outbox or the engine is null.</exception>
#pragma warning disable RS0027 // kept as shipped; the overload with handlers takes its options explicitly
    public OutboxDispatcher(IOutboxStore outbox, EcomEngine engine, IInvoiceIssuer invoices, CarrierRouter carriers, INotifier notifier, OutboxDispatcherOptions? options = null)
#pragma warning restore RS0027
        : this(outbox, engine, invoices, carriers, notifier, EcomModules.OutboxHandlers, options)
    {
    }

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="outbox">The outbox to deliver from (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the follow-up commands (such as recording an issued invoice).</param>
    /// <param name="invoices">The invoicing port.</param>
    /// <param name="carriers">The carrier router.</param>
    /// <param name="notifier">The SMS port.</param>
    /// <param name="handlers">How each event's message is delivered; a message of an event without a handler is completed without a call.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">A port, the outbox, the engine or the handlers are null.</exception>
    public OutboxDispatcher(IOutboxStore outbox, EcomEngine engine, IInvoiceIssuer invoices, CarrierRouter carriers, INotifier notifier, OutboxHandlerRegistry handlers, OutboxDispatcherOptions? options)
    {
        _handlers = Preconditions.CheckNotNull(handlers);
        _outbox = Preconditions.CheckNotNull(outbox);
        _engine = Preconditions.CheckNotNull(engine);
        _invoices = Preconditions.CheckNotNull(invoices);
        _carriers = Preconditions.CheckNotNull(carriers);
        _notifier = Preconditions.CheckNotNull(notifier);
        _options = options ?? new OutboxDispatcherOptions();
    }

    /// <summary>Gets how many messages were delivered and completed.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Gets how many deliveries failed (each is retried after a backoff, or dead-lettered).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets how many messages were dead-lettered.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Gets how many delivered messages' follow-up commands the business refused (also counted in <see cref="Delivered"/>).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Gets how many deliveries finished after this dispatcher's lease was lost to another owner.</summary>
    public long LostClaims => Interlocked.Read(ref _lostClaims);

    /// <summary>Claims one batch of available messages for <paramref name="owner"/> and delivers them in order.</summary>
    /// <param name="owner">This dispatcher's owner name (unique per process).</param>
    /// <param name="now">The current instant, from the host's clock.</param>
    /// <param name="cancellationToken">Cancels the run; a message being delivered is left to its lease.</param>
    /// <returns>How many messages were claimed (0 when the outbox has nothing available).</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<int> RunOnceAsync(string owner, Instant now, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotBlank(owner);
        var batch = await _outbox.ClaimOutboxAsync(owner, _options.BatchSize, now, _options.Lease, cancellationToken).ConfigureAwait(false);
        foreach (var envelope in batch)
        {
            await DispatchAsync(envelope, owner, now, cancellationToken).ConfigureAwait(false);
        }

        return batch.Count;
    }

    private async ValueTask DispatchAsync(OutboxEnvelope envelope, string owner, Instant now, CancellationToken cancellationToken)
    {
        bool held;
        try
        {
            if (!await DeliverAsync(envelope, now, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _refused);
            }

            held = await _outbox.CompleteOutboxAsync(envelope.Sequence, owner, now, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failures = envelope.Attempts + 1;
            var deadLetter = failures >= _options.MaxAttempts;
            held = await _outbox.FailOutboxAsync(envelope.Sequence, owner, Describe(e), now + _options.BackoffAfter(failures), deadLetter, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _failed);
            if (deadLetter && held)
            {
                Interlocked.Increment(ref _deadLettered);
            }
        }

        if (!held)
        {
            Interlocked.Increment(ref _lostClaims);
        }
    }

    /// <summary>Delivers one message; returns false when the follow-up command was refused by the business.</summary>
    private ValueTask<bool> DeliverAsync(OutboxEnvelope envelope, Instant now, CancellationToken cancellationToken)
        => _handlers.DeliverAsync(new OutboxDelivery(envelope, now, _invoices, _carriers, _notifier, _engine.ExecuteAsync, _engine.LoadAsync), cancellationToken);

    private static string Describe(Exception e)
    {
        // Port exceptions describe the call, not the customer (SEC-1); the length is bounded for the store.
        var text = e.GetType().Name + ": " + e.Message;
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
