using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="INotifier"/> that records messages instead of sending SMS. Deduplicates by idempotency key: a repeat
/// is recorded in <see cref="FakePort.Calls"/> but sends nothing again. Printed calls show the number masked (SEC-1).
/// Thread-safe.
/// </summary>
public sealed class FakeNotifier : FakePort, INotifier
{
    private readonly EffectLog<CustomerNotification, CustomerNotification> _sent;
    private readonly EffectLog<StaffNotification, StaffNotification> _sentToStaff;

    /// <summary>Creates a notifier that has sent nothing.</summary>
    public FakeNotifier()
        : base("notifier")
    {
        _sent = new(Recorder.Gate);
        _sentToStaff = new(Recorder.Gate);
    }

    /// <summary>Gets the messages sent to staff (SLA-8 warnings), one per idempotency key, in order.</summary>
    public IReadOnlyList<StaffNotification> SentToStaff => Array.ConvertAll(_sentToStaff.Snapshot(), static effect => effect.Request);

    /// <summary>Gets the messages sent, one per idempotency key, in order.</summary>
    public IReadOnlyList<CustomerNotification> Sent => Array.ConvertAll(_sent.Snapshot(), static effect => effect.Request);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A simulated outage (<see cref="FakePort.FailNext"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        Recorder.Call("send message", notification.IdempotencyKey, notification, fail: false, _sent, static sent => sent);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask NotifyStaffAsync(StaffNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        Recorder.Call("send staff message", notification.IdempotencyKey, notification, fail: false, _sentToStaff, static sent => sent);
        return ValueTask.CompletedTask;
    }
}
