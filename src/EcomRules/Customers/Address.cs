using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>
/// A delivery and invoice address in China, down to street and number (CUS-1, CUS-2).
/// </summary>
/// <remarks>
/// Personal data (SEC-1): <see cref="ToString"/> returns <see cref="Masked"/>, which keeps the province and city
/// and hides the district, street line and postal code.
/// </remarks>
public sealed class Address : IEquatable<Address>
{
    /// <summary>Creates an address.</summary>
    /// <param name="province">The province.</param>
    /// <param name="city">The city (市) or prefecture; for a municipality, the municipality again or its district.</param>
    /// <param name="district">The district or county (区/县), or null where there is none.</param>
    /// <param name="streetLine">The street and number (街道、门牌号), required by CUS-1 and CUS-2.</param>
    /// <param name="postalCode">The postal code, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="province"/> is default, or <paramref name="city"/> or <paramref name="streetLine"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="city"/> or <paramref name="streetLine"/> is null.</exception>
    public Address(Province province, string city, string? district, string streetLine, PostalCode? postalCode = null)
    {
        Province = Province.CheckNotDefault(province, nameof(province));
        City = Preconditions.CheckNotBlank(city).Trim();
        District = string.IsNullOrWhiteSpace(district) ? null : district.Trim();

        // CUS-1: the address goes down to street and number; a city alone does not deliver.
        StreetLine = Preconditions.CheckNotBlank(streetLine).Trim();
        Preconditions.CheckArgument(postalCode is null || !postalCode.Value.IsDefault, nameof(postalCode), "default(PostalCode) is no postal code; pass null instead.");
        PostalCode = postalCode;
    }

    /// <summary>Gets the province.</summary>
    public Province Province { get; }

    /// <summary>Gets the city.</summary>
    public string City { get; }

    /// <summary>Gets the district or county, or null.</summary>
    public string? District { get; }

    /// <summary>Gets the street and number.</summary>
    public string StreetLine { get; }

    /// <summary>Gets the postal code, or null.</summary>
    public PostalCode? PostalCode { get; }

    /// <summary>Gets the address for logs (SEC-1): province and city, the rest hidden, for example <c>广东省 深圳市 ***</c>.</summary>
    public string Masked => $"{Province.ChineseName} {City} {PersonalDataMask.HiddenText}";

    /// <summary>Gets the full address in Chinese order: province, city, district, street line (personal data, SEC-1).</summary>
    public string FullText => string.Join(' ', new[] { Province.ChineseName, City, District, StreetLine }.Where(part => part is not null));

    /// <inheritdoc />
    public bool Equals(Address? other)
        => other is not null
           && Province == other.Province
           && string.Equals(City, other.City, StringComparison.Ordinal)
           && string.Equals(District, other.District, StringComparison.Ordinal)
           && string.Equals(StreetLine, other.StreetLine, StringComparison.Ordinal)
           && PostalCode == other.PostalCode;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Address);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(Province, StringComparer.Ordinal.GetHashCode(City), StringComparer.Ordinal.GetHashCode(StreetLine));

    /// <summary>Returns the <see cref="Masked"/> form (SEC-1).</summary>
    /// <returns>The masked address.</returns>
    public override string ToString() => Masked;
}
