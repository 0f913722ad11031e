using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Ports;

/// <summary>
/// How an outbox message is delivered, by its event's type. The module that raises an event with an effect outside the
/// library (an invoice, a shipment, a text message) registers its handler here; the dispatcher knows no module. A message
/// whose event has no handler is completed without a call (it is there for the host's own consumers). Immutable and
/// thread-safe. The registry of EcomRules' own modules is <see cref="Engine.EcomModules.OutboxHandlers"/>.
/// </summary>
public sealed class OutboxHandlerRegistry
{
    private readonly ImmutableDictionary<Type, Func<OutboxDelivery, DomainEvent, CancellationToken, ValueTask<bool>>> _handlers;

    private OutboxHandlerRegistry(ImmutableDictionary<Type, Func<OutboxDelivery, DomainEvent, CancellationToken, ValueTask<bool>>> handlers)
        => _handlers = handlers;

    /// <summary>Gets a registry with no handlers.</summary>
    public static OutboxHandlerRegistry Empty { get; } = new(ImmutableDictionary<Type, Func<OutboxDelivery, DomainEvent, CancellationToken, ValueTask<bool>>>.Empty);

    /// <summary>Gets the event types with a handler, sorted by name.</summary>
    public ImmutableArray<Type> EventTypes => [.. _handlers.Keys.OrderBy(static t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Returns a registry that also delivers messages of events of type <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type (exactly; a derived type needs its own handler).</typeparam>
    /// <param name="handler">Delivers one message: calls the ports with the delivery's idempotency key and returns true when
    /// done, false when its follow-up was refused (the message is completed either way; a throw retries it).</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException">The type already has a handler.</exception>
    public OutboxHandlerRegistry Add<TEvent>(Func<OutboxDelivery, TEvent, CancellationToken, ValueTask<bool>> handler)
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Preconditions.CheckArgument(!_handlers.ContainsKey(typeof(TEvent)), nameof(handler), $"Events of type {typeof(TEvent).Name} already have a handler.");
        return new(_handlers.Add(typeof(TEvent), (delivery, e, ct) => handler(delivery, (TEvent)e, ct)));
    }

    /// <summary>Whether messages of events of <paramref name="eventType"/> have a handler.</summary>
    /// <param name="eventType">The event type.</param>
    /// <returns>True when registered.</returns>
    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    /// <summary>Delivers the message of <paramref name="delivery"/> with its event's handler.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>True when delivered (or nothing to do), false when its follow-up was refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="delivery"/> is null.</exception>
    public ValueTask<bool> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var e = delivery.Envelope.Message.Event;
        return _handlers.TryGetValue(e.GetType(), out var handler) ? handler(delivery, e, cancellationToken) : ValueTask.FromResult(true);
    }
}
