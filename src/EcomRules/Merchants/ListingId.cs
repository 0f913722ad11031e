using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Merchants;

/// <summary>Identifies a merchant's product listing (MER-2). The store key is <c>listing/{value}</c>.</summary>
public readonly record struct ListingId : IAggregateId<Listing>
{
    /// <summary>The aggregate kind of listings in the store.</summary>
    public const string Kind = "listing";

    private readonly string? _value;

    /// <summary>Creates a listing ID.</summary>
    /// <param name="value">The listing's number: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid number.</exception>
    public ListingId(string value) => _value = Preconditions.CheckAggregateId(value, "a listing number");

    /// <summary>Gets the listing's number; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the listing's key in the store.</summary>
    public AggregateKey Key => new(Kind, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
