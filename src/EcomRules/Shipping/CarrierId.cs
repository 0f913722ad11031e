using EcomRules.Internal;

namespace EcomRules.Shipping;

/// <summary>Identifies a carrier (courier company), such as <c>"sf"</c> or <c>"zto"</c>.</summary>
public readonly record struct CarrierId
{
    private readonly string? _value;

    /// <summary>Creates a carrier ID.</summary>
    /// <param name="value">A short code.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank.</exception>
    public CarrierId(string value) => _value = Preconditions.CheckNotBlank(value);

    /// <summary>Gets the code.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;
}
