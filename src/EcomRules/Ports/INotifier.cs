namespace EcomRules.Ports;

/// <summary>
/// The notification port: SMS to customers in the catalogue (ORD-4, RET-7), and messages to the merchant's staff such
/// as SLA warnings (SLA-8). Called at least once per message: implementations must use the idempotency key so a repeat
/// never sends a second message.
/// </summary>
public interface INotifier
{
    /// <summary>Sends a message.</summary>
    /// <param name="notification">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is accepted for delivery.</returns>
    ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to the merchant's staff, such as an SLA warning (SLA-8); never to the customer.</summary>
    /// <param name="notification">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is accepted for delivery.</returns>
    /// <exception cref="NotSupportedException">The default implementation: this notifier cannot reach staff. The outbox
    /// then retries the message and dead-letters it, so an unsent warning stays visible.</exception>
    ValueTask NotifyStaffAsync(StaffNotification notification, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"{GetType().Name} cannot notify staff; implement INotifier.NotifyStaffAsync to deliver SLA warnings (SLA-8).");
}
