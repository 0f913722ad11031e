using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Returns.Events;

namespace EcomRules.Returns;

/// <summary>How the return module's outbox messages reach the ports (registered in <see cref="Engine.EcomModules.OutboxHandlers"/>).</summary>
internal static class ReturnOutbox
{
    /// <summary>Adds the handler of replacement shipments (RET-5).</summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<ReplacementShipmentRequested>(BookReplacementAsync);

    private static async ValueTask<bool> BookReplacementAsync(OutboxDelivery delivery, ReplacementShipmentRequested replacement, CancellationToken cancellationToken)
    {
        if (replacement is not { To: { } to } || replacement.Carriers.IsDefaultOrEmpty)
        {
            return true; // nothing to book (an exchange without a destination or carriers is recorded by hand)
        }

        // RET-5: booked like an order's shipment (CAR-2: one carrier per attempt, keys {key}/{carrier}).
        var routing = await delivery.Carriers.BookAsync(
            new ShipmentRequest(delivery.IdempotencyKey, replacement.Source, replacement.Carriers[0], replacement.From, to, null),
            replacement.Carriers, delivery.Attempts, cancellationToken).ConfigureAwait(false);
        var booking = routing.Booking;
        return await delivery.FollowUpAsync(
            new RecordReplacementShipment(delivery.FollowUpId, Actor.System, delivery.Now, ReturnCaseId.FromKey(replacement.Source), booking.Carrier, booking.TrackingNumber!),
            cancellationToken).ConfigureAwait(false);
    }
}
