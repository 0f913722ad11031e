using System.ComponentModel;
using EcomRules.Commands;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Ports;

/// <summary>
/// What an outbox handler (<see cref="OutboxHandlerRegistry"/>) works with while it delivers one message: the message's
/// idempotency key and attempt count, the ports, and a way to record the port's answer as a follow-up command.
/// </summary>
public sealed class OutboxDelivery
{
    private readonly Func<EcomCommand, CancellationToken, ValueTask<Decision>> _execute;
    private readonly Func<AggregateKey, CancellationToken, ValueTask<StoredAggregate?>> _load;

    /// <summary>Creates a delivery context.</summary>
    /// <param name="envelope">The claimed message.</param>
    /// <param name="now">When it is delivered.</param>
    /// <param name="invoices">The invoice port.</param>
    /// <param name="carriers">The carrier router (CAR-2).</param>
    /// <param name="notifier">The notification port.</param>
    /// <param name="execute">Executes a follow-up command (the engine's <c>ExecuteAsync</c>).</param>
    /// <param name="load">Reads an aggregate from the engine's store, for a handler that needs to know more than the event.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OutboxDelivery(OutboxEnvelope envelope, Instant now, IInvoiceIssuer invoices, CarrierRouter carriers, INotifier notifier,
        Func<EcomCommand, CancellationToken, ValueTask<Decision>> execute, Func<AggregateKey, CancellationToken, ValueTask<StoredAggregate?>> load)
    {
        _load = Preconditions.CheckNotNull(load);
        Envelope = Preconditions.CheckNotNull(envelope);
        Now = now;
        Invoices = Preconditions.CheckNotNull(invoices);
        Carriers = Preconditions.CheckNotNull(carriers);
        Notifier = Preconditions.CheckNotNull(notifier);
        _execute = Preconditions.CheckNotNull(execute);
    }

    /// <summary>Gets the claimed message.</summary>
    public OutboxEnvelope Envelope { get; }

    /// <summary>Gets the message's idempotency key, passed on to every port call so a repeated delivery has no second effect.</summary>
    public string IdempotencyKey => Envelope.Message.IdempotencyKey;

    /// <summary>Gets how many deliveries of the message failed before this one.</summary>
    public int Attempts => Envelope.Attempts;

    /// <summary>Gets when the message is delivered.</summary>
    public Instant Now { get; }

    /// <summary>Gets the invoice port.</summary>
    public IInvoiceIssuer Invoices { get; }

    /// <summary>Gets the carrier router.</summary>
    public CarrierRouter Carriers { get; }

    /// <summary>Gets the notification port.</summary>
    public INotifier Notifier { get; }

    /// <summary>Gets the command ID of the message's follow-up command: the same for every delivery of the message.</summary>
    public CommandId FollowUpId => new(IdempotencyKey + "/record");

    /// <summary>Not available: a <typeparamref name="TAggregate"/> holds a customer's personal data (SEC-1, SEC-2); a handler reads none.</summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [Obsolete("This aggregate holds personal data (SEC-2): an outbox handler reads none beyond what its message carries.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IPersonalDataId<TAggregate> id, CancellationToken cancellationToken)
        where TAggregate : class
        => throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);

    /// <summary>
    /// Reads an aggregate that holds no personal data by its typed ID, as the engine stores it now. A handler needs no
    /// customer's personal data beyond what the message carries (SEC-1), so an aggregate that holds it (its ID implements
    /// <see cref="IPersonalDataId{TAggregate}"/>) is not read here.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate with its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The aggregate holds personal data.</exception>
    public async ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IAggregateId<TAggregate> id, CancellationToken cancellationToken)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(id);
        if (PersonalData<TAggregate>.IsRead(id))
        {
            throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);
        }

        return await _load(id.Key, cancellationToken).ConfigureAwait(false) is { State: TAggregate aggregate } stored
            ? new Versioned<TAggregate>(stored.Key, stored.Version, aggregate)
            : null;
    }

    /// <summary>Records the port's answer with a follow-up command (with <see cref="FollowUpId"/>).</summary>
    /// <param name="command">The follow-up command.</param>
    /// <param name="cancellationToken">Cancels the execution.</param>
    /// <returns>True when it was accepted, or an earlier delivery already recorded it; false when refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public async ValueTask<bool> FollowUpAsync(EcomCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = await _execute(command, cancellationToken).ConfigureAwait(false);

        // CommandIdReused: an earlier delivery of this message already recorded the follow-up (at another instant).
        return decision.IsAccepted || decision.Code == RefusalCode.CommandIdReused;
    }
}
