namespace EcomRules.Orders;

/// <summary>A carrier's tracking event (CAR-3).</summary>
public enum TrackingEventKind
{
    /// <summary>The parcel is on its way.</summary>
    InTransit = 1,

    /// <summary>The parcel is out for delivery.</summary>
    OutForDelivery = 2,

    /// <summary>The customer signed for the parcel: the order is received.</summary>
    Signed = 3,
}
