using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Engine;

/// <summary>How any module's message to a role (<see cref="StaffNotificationRequested"/>, e.g. WH-4's low-stock alert to operations) reaches <see cref="INotifier.NotifyStaffAsync"/>.</summary>
internal static class StaffNotificationOutbox
{
    /// <summary>Adds the handler of <see cref="StaffNotificationRequested"/>.</summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<StaffNotificationRequested>(NotifyAsync);

    private static async ValueTask<bool> NotifyAsync(OutboxDelivery delivery, StaffNotificationRequested staff, CancellationToken cancellationToken)
    {
        await delivery.Notifier.NotifyStaffAsync(
            new StaffNotification(delivery.IdempotencyKey, staff.Source, staff.Template, staff.Text) { Recipient = staff.Recipient },
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
