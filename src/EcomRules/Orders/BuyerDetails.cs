namespace EcomRules.Orders;

/// <summary>
/// The buyer's details as entered, unvalidated: <see cref="PlaceOrder"/> checks them against CUS-1 or CUS-2 and
/// refuses the order with every problem listed. <see cref="ToString"/> shows no personal data (SEC-1).
/// </summary>
public sealed record BuyerDetails
{
    /// <summary>Gets the kind of buyer.</summary>
    public required BuyerKind Kind { get; init; }

    /// <summary>Gets the company name (business) or the person's name (private).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the unified social credit code (business, CUS-1).</summary>
    public string? CreditCode { get; init; }

    /// <summary>Gets the contact person (business, CUS-1).</summary>
    public string? ContactName { get; init; }

    /// <summary>Gets the resident ID number (private, CUS-2).</summary>
    public string? ResidentId { get; init; }

    /// <summary>Gets the mobile number: the contact's (business) or the buyer's (private).</summary>
    public required string Mobile { get; init; }

    /// <summary>Gets the province, by name or GB/T 2260 code (WH-1 routes by it).</summary>
    public required string Province { get; init; }

    /// <summary>Gets the city.</summary>
    public required string City { get; init; }

    /// <summary>Gets the district, if any.</summary>
    public string? District { get; init; }

    /// <summary>Gets the street and number (CUS-1: down to street and number).</summary>
    public required string Street { get; init; }

    /// <summary>Gets the 6-digit postal code (required for a private buyer, CUS-2).</summary>
    public string? PostalCode { get; init; }

    /// <summary>Describes the buyer without personal data.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Kind} buyer in {Province}";
}
