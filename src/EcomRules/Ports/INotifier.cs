namespace EcomRules.Ports;

/// <summary>
/// The customer-notification port: SMS in the catalogue (ORD-4, RET-7). Called at least once per message:
/// implementations must use the idempotency key so a repeat never sends a second SMS.
/// </summary>
public interface INotifier
{
    /// <summary>Sends a message.</summary>
    /// <param name="notification">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is accepted for delivery.</returns>
    ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default);
}
