namespace EcomRules.Ports;

/// <summary>The outcome of <see cref="CarrierRouter.BookAsync"/>: the booking, and which of the ranked carriers made it.</summary>
/// <param name="Booking">The booking.</param>
/// <param name="Rank">The booking carrier's position in the ranking: 0 for the preferred carrier.</param>
public sealed record CarrierRouting(ShipmentBooking Booking, int Rank)
{
    /// <summary>Gets whether a backup carrier took over (CAR-2).</summary>
    public bool FailedOver => Rank > 0;
}
