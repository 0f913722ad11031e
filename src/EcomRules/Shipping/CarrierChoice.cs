namespace EcomRules.Shipping;

/// <summary>A carrier that serves a destination and its fee: one entry of a ranked choice (CAR-1, CAR-2).</summary>
/// <param name="Carrier">The carrier.</param>
/// <param name="Fee">Its fee to the destination.</param>
public readonly record struct CarrierChoice(CarrierId Carrier, Money Fee);
