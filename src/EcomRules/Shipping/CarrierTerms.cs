using EcomRules.Internal;

namespace EcomRules.Shipping;

/// <summary>A carrier the merchant uses and its fee table (CAR-1).</summary>
public sealed class CarrierTerms
{
    /// <summary>Creates the terms.</summary>
    /// <param name="id">The carrier.</param>
    /// <param name="name">A display name, such as <c>"SF Express"</c>.</param>
    /// <param name="fees">The fee table.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or <paramref name="id"/> is default.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="fees"/> is null.</exception>
    public CarrierTerms(CarrierId id, string name, CarrierFeeTable fees)
    {
        Preconditions.CheckArgument(id.Value.Length > 0, nameof(id), "A carrier needs an ID.");
        Id = id;
        Name = Preconditions.CheckNotBlank(name);
        Fees = Preconditions.CheckNotNull(fees);
    }

    /// <summary>Gets the carrier.</summary>
    public CarrierId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the fee table.</summary>
    public CarrierFeeTable Fees { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
