namespace EcomRules.Testing;

/// <summary>How a <see cref="FakeCarrierGateway"/> answers every call.</summary>
public enum FakeCarrierBehaviour
{
    /// <summary>Books the pickup and returns a tracking number.</summary>
    Book = 0,

    /// <summary>Refuses the pickup (<see cref="Ports.ShipmentBooking.Refused"/>).</summary>
    Refuse = 1,

    /// <summary>Throws, like a carrier whose system is down.</summary>
    Fail = 2,

    /// <summary>Books the pickup, then throws a <see cref="TimeoutException"/> as if the answer never came back (CAR-2).</summary>
    BookThenTimeOut = 3,
}
