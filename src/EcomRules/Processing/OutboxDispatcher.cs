using System.Globalization;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Refunds;
using EcomRules.Refunds.Events;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Delivers outbox messages to the ports, at least once: claims a batch with a lease, delivers each message, and
/// completes it — or records the failure with exponential backoff, dead-lettering it after
/// <see cref="OutboxDispatcherOptions.MaxAttempts"/> failures. Every port call carries the message's idempotency key
/// (or one derived from it), so a message delivered twice (a crash between the port call and the completion, an
/// expired lease) has one effect.
/// <list type="bullet">
/// <item><see cref="CreditNoteRequested"/> → <see cref="IInvoiceIssuer.IssueCreditNoteAsync"/>, then <see cref="RecordCreditNote"/>
/// unless the issuer answers "pending" (INV-3; the issuer's integration records the number when it comes).</item>
/// <item><see cref="InvoiceRequested"/> → <see cref="IInvoiceIssuer.IssueInvoiceAsync"/> with the message key, then
/// <see cref="RecordInvoice"/> through the engine with command ID <c>{key}/record</c> (INV-1).</item>
/// <item><see cref="ShipmentRequested"/> → one carrier per attempt through <see cref="CarrierRouter"/> (CAR-2: attempt
/// n asks the n-th ranked carrier, key <c>{key}/{carrier}</c>), then <see cref="RecordShipment"/> with command ID
/// <c>{key}/record</c>.</item>
/// <item><see cref="ReplacementShipmentRequested"/> → booked like <see cref="ShipmentRequested"/> (CAR-2), then
/// <see cref="RecordReplacementShipment"/> on the return case with command ID <c>{key}/record</c> (RET-5).</item>
/// <item><see cref="CustomerNotificationRequested"/> → <see cref="INotifier.NotifyAsync"/> with the message key (ORD-4).</item>
/// <item><see cref="SlaWarningRaised"/> → <see cref="INotifier.NotifyStaffAsync"/> with the message key (SLA-8).</item>
/// <item>Any other event has no port to reach: it is completed.</item>
/// </list>
/// After the ports, every reaction of the <see cref="OutboxReactionRegistry"/> to the event's type runs and its commands
/// are executed through the engine (<see cref="OutboxDispatcherOptions.Reactions"/>; by default <see cref="OutboxReactionRegistry.Default"/>: a complaint closes with its return
/// case, AFS-1; a completed order's follow-up visit opens, ORD-5).
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
    private readonly OutboxReactionRegistry _reactions;
    private long _delivered;
    private long _failed;
    private long _deadLettered;
    private long _refused;
    private long _lostClaims;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="outbox">The outbox to deliver from (usually the same store as the engine's).</param>
    /// <param name="engine">Executes the follow-up commands (<see cref="RecordInvoice"/>, <see cref="RecordShipment"/>).</param>
    /// <param name="invoices">The invoicing port.</param>
    /// <param name="carriers">The carrier router.</param>
    /// <param name="notifier">The SMS port.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <exception cref="ArgumentNullException">A port, the outbox or the engine is null.</exception>
    public OutboxDispatcher(IOutboxStore outbox, EcomEngine engine, IInvoiceIssuer invoices, CarrierRouter carriers, INotifier notifier, OutboxDispatcherOptions? options = null)
    {
        _outbox = Preconditions.CheckNotNull(outbox);
        _engine = Preconditions.CheckNotNull(engine);
        _invoices = Preconditions.CheckNotNull(invoices);
        _carriers = Preconditions.CheckNotNull(carriers);
        _notifier = Preconditions.CheckNotNull(notifier);
        _options = options ?? new OutboxDispatcherOptions();
        _reactions = _options.Reactions;
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

    /// <summary>Delivers one message, then runs the reactions to it; returns false when a follow-up command was refused by the business.</summary>
    private async ValueTask<bool> DeliverAsync(OutboxEnvelope envelope, Instant now, CancellationToken cancellationToken)
    {
        var delivered = await DeliverToPortsAsync(envelope, now, cancellationToken).ConfigureAwait(false);
        var commands = await _reactions.CommandsForAsync(envelope.Message.Event, envelope.Message.IdempotencyKey, now, _engine, cancellationToken).ConfigureAwait(false);
        foreach (var command in commands)
        {
            delivered &= await FollowUpAsync(command, cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    /// <summary>Delivers one message to its port; returns false when the follow-up command was refused by the business.</summary>
    private async ValueTask<bool> DeliverToPortsAsync(OutboxEnvelope envelope, Instant now, CancellationToken cancellationToken)
    {
        var key = envelope.Message.IdempotencyKey;
        switch (envelope.Message.Event)
        {
            case InvoiceRequested invoice:
            {
                var issued = await _invoices.IssueInvoiceAsync(
                    new InvoiceRequest(key, invoice.Source, invoice.BuyerName, invoice.BuyerTaxId, invoice.Goods, invoice.Freight, invoice.BatchDate),
                    cancellationToken).ConfigureAwait(false);
                return await FollowUpAsync(new RecordInvoice(FollowUpId(key), Actor.System, now, new OrderId(invoice.Source.Id), issued.InvoiceNumber, issued.Amount), cancellationToken).ConfigureAwait(false);
            }

            case ShipmentRequested shipment:
            {
                // CAR-2: one carrier per attempt, chosen by how many attempts failed before.
                var routing = await _carriers.BookAsync(
                    new ShipmentRequest(key, shipment.Source, shipment.Carriers.IsDefaultOrEmpty ? default : shipment.Carriers[0], shipment.From, shipment.To, shipment.InvoiceNumber),
                    shipment.Carriers.IsDefault ? [] : shipment.Carriers, envelope.Attempts, cancellationToken).ConfigureAwait(false);
                var booking = routing.Booking;
                return await FollowUpAsync(new RecordShipment(FollowUpId(key), Actor.System, now, new OrderId(shipment.Source.Id), booking.Carrier, booking.TrackingNumber!), cancellationToken).ConfigureAwait(false);
            }

            case ReplacementShipmentRequested { To: { } to } replacement when !replacement.Carriers.IsDefaultOrEmpty:
            {
                // RET-5: booked like an order's shipment (CAR-2: one carrier per attempt, keys {key}/{carrier}).
                var routing = await _carriers.BookAsync(
                    new ShipmentRequest(key, replacement.Source, replacement.Carriers[0], replacement.From, to, null),
                    replacement.Carriers, envelope.Attempts, cancellationToken).ConfigureAwait(false);
                var booking = routing.Booking;
                return await FollowUpAsync(new RecordReplacementShipment(FollowUpId(key), Actor.System, now, ReturnCaseId.FromKey(replacement.Source), booking.Carrier, booking.TrackingNumber!), cancellationToken).ConfigureAwait(false);
            }

            case CreditNoteRequested credit:
            {
                // INV-3: a red-letter credit note; the tax system may answer "pending" and report the number later.
                var result = await _invoices.IssueCreditNoteAsync(new CreditNoteRequest(credit.IdempotencyKey, credit.Source, credit.InvoiceNumber, credit.Amount), cancellationToken).ConfigureAwait(false);
                return result.IsPending
                    || await FollowUpAsync(new RecordCreditNote(FollowUpId(key), Actor.System, now, RefundId.FromKey(credit.Source), result.CreditNoteNumber!), cancellationToken).ConfigureAwait(false);
            }

            case CustomerNotificationRequested notification:
                await _notifier.NotifyAsync(new CustomerNotification(key, notification.Source, notification.Recipient, notification.Template, notification.Text), cancellationToken).ConfigureAwait(false);
                return true;

            case SlaWarningRaised warning:
                // SLA-8: staff are warned, never the customer.
                await _notifier.NotifyStaffAsync(new StaffNotification(key, warning.Source, "sla-warning", string.Create(CultureInfo.InvariantCulture,
                    $"{warning.SlaId} on {warning.Source}: {warning.Threshold * 100:0.##} % of its time is used; it breaches at {warning.BreachAt} unless done first.")),
                    cancellationToken).ConfigureAwait(false);
                return true;

            default:
                return true;
        }
    }

    private async ValueTask<bool> FollowUpAsync(EcomCommand command, CancellationToken cancellationToken)
    {
        var decision = await _engine.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);

        // CommandIdReused: an earlier delivery of this message already recorded the follow-up (at another instant).
        return decision.IsAccepted || decision.Code == RefusalCode.CommandIdReused;
    }

    private static CommandId FollowUpId(string key) => new(key + "/record");

    private static string Describe(Exception e)
    {
        // Port exceptions describe the call, not the customer (SEC-1); the length is bounded for the store.
        var text = e.GetType().Name + ": " + e.Message;
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
