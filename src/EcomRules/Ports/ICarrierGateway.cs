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
}
