using EcomRules.Shipping;

namespace EcomRules.Ports;

/// <summary>
/// The port to one carrier (CAR-2, CAR-3). Register one per carrier; <see cref="CarrierRouter"/> fails over to the
/// backups. Called at least once per request: implementations must use the idempotency key so a repeat never
/// books a second pickup.
/// </summary>
public interface ICarrierGateway
{
    /// <summary>Gets the carrier this gateway talks to.</summary>
    CarrierId Carrier { get; }

    /// <summary>Books a pickup.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Booked with a tracking number, or refused; a failure throws.</returns>
    ValueTask<ShipmentBooking> BookAsync(ShipmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Looks up the booking made for <paramref name="idempotencyKey"/>, without booking anything (CAR-2): a call that
    /// failed or timed out after the carrier accepted it is found here, so <see cref="CarrierRouter"/> never fails over
    /// to a backup for a parcel this carrier already booked.
    /// </summary>
    /// <param name="idempotencyKey">The key of an earlier <see cref="BookAsync"/> call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The booking, or null when the key booked nothing. The default implementation cannot look up and
    /// returns null; a carrier that offers look-up by idempotency key should implement it.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<ShipmentBooking?> FindBookingAsync(string idempotencyKey, CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<ShipmentBooking?>(cancellationToken) : ValueTask.FromResult<ShipmentBooking?>(null);
}
