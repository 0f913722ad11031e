using System.Collections.Immutable;

namespace EcomRules.Ports;

/// <summary>The outcome of <see cref="CarrierRouter.BookAsync"/>: the booking and the carriers that failed or refused first.</summary>
/// <param name="Booking">The booking.</param>
/// <param name="FailedAttempts">One line per carrier tried before, preferred first.</param>
public sealed record CarrierRouting(ShipmentBooking Booking, ImmutableArray<string> FailedAttempts)
{
    /// <summary>Gets whether a backup carrier took over (CAR-2).</summary>
    public bool FailedOver => !FailedAttempts.IsEmpty;
}
