using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Merchants;

/// <summary>Identifies a merchant on the platform (MER-1). The store key is <c>merchant/{value}</c>.</summary>
public readonly record struct MerchantId : IAggregateId<Merchant>
{
    /// <summary>The aggregate kind of merchants in the store.</summary>
    public const string Kind = "merchant";

    private readonly string? _value;

    /// <summary>Creates a merchant ID.</summary>
    /// <param name="value">The merchant's number on the platform: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid number.</exception>
    public MerchantId(string value) => _value = Preconditions.CheckAggregateId(value, "a merchant number");

    /// <summary>Gets the merchant's number; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the merchant's key in the store.</summary>
    public AggregateKey Key => new(Kind, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
