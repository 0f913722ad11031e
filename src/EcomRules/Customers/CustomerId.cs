using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>Identifies a customer record of the merchant (CUS-3).</summary>
public readonly record struct CustomerId
{
    private readonly string? _value;

    /// <summary>Creates a customer ID.</summary>
    /// <param name="value">The merchant's customer number; not blank, at most 64 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank or longer than 64 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CustomerId(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= 64, nameof(value), "A customer ID has at most 64 characters.");
        _value = value;
    }

    /// <summary>Gets the customer number; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;
}
