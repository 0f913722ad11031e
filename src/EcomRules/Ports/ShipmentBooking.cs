using EcomRules.Shipping;

namespace EcomRules.Ports;

/// <summary>A carrier's answer to a pickup request: booked with a tracking number, or refused with a reason (CAR-2, CAR-3).</summary>
public sealed record ShipmentBooking
{
    private ShipmentBooking(CarrierId carrier, string? trackingNumber, string? refusal)
    {
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        Refusal = refusal;
    }

    /// <summary>Gets the carrier that answered.</summary>
    public CarrierId Carrier { get; }

    /// <summary>Gets the tracking number when booked.</summary>
    public string? TrackingNumber { get; }

    /// <summary>Gets the carrier's reason when refused.</summary>
    public string? Refusal { get; }

    /// <summary>Gets whether the pickup was booked.</summary>
    public bool IsBooked => TrackingNumber is not null;

    /// <summary>Creates a booking.</summary>
    /// <param name="carrier">The carrier.</param>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <returns>The booking.</returns>
    /// <exception cref="ArgumentException"><paramref name="trackingNumber"/> is blank.</exception>
    public static ShipmentBooking Booked(CarrierId carrier, string trackingNumber)
        => new(carrier, Internal.Preconditions.CheckNotBlank(trackingNumber), null);

    /// <summary>Creates a refusal.</summary>
    /// <param name="carrier">The carrier.</param>
    /// <param name="reason">The carrier's reason.</param>
    /// <returns>The refusal.</returns>
    public static ShipmentBooking Refused(CarrierId carrier, string reason) => new(carrier, null, reason);
}
