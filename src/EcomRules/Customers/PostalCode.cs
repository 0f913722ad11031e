namespace EcomRules.Customers;

/// <summary>A six-digit Chinese postal code (邮政编码), which a private buyer gives (CUS-2).</summary>
/// <remarks><c>default(PostalCode)</c> has an empty <see cref="Value"/> and is refused where a code is required.</remarks>
public readonly record struct PostalCode
{
    /// <summary>The number of digits in a postal code.</summary>
    public const int Length = 6;

    private readonly string? _value;

    private PostalCode(string value) => _value = value;

    /// <summary>Gets the six digits; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether this is <c>default(PostalCode)</c>, which is no code.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses a postal code of exactly six digits, ignoring leading and trailing white space (CUS-2).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The postal code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="InvalidIdentityNumberException">The text is not six digits.</exception>
    public static PostalCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = IdentityNumberError.Normalize(value);
        return Validate(normalized) is { } error
            ? throw error.ToException(RuleIds.Cus2, IdentityNumberKind.PostalCode, PersonalDataMask.Keep(normalized, 0, 0))
            : new PostalCode(normalized);
    }

    /// <summary>Parses a postal code as <see cref="Parse(string)"/> does, returning false instead of throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="postalCode">The postal code, or default.</param>
    /// <returns>Whether <paramref name="value"/> is six digits.</returns>
    public static bool TryParse(string? value, out PostalCode postalCode)
    {
        var normalized = value is null ? null : IdentityNumberError.Normalize(value);
        var valid = normalized is not null && Validate(normalized) is null;
        postalCode = valid ? new PostalCode(normalized!) : default;
        return valid;
    }

    /// <summary>Returns the six digits.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;

    // CUS-2: exactly six digits.
    private static IdentityNumberError? Validate(string value)
        => IdentityNumberError.CheckLength(value, Length) ?? IdentityNumberError.CheckDigits(value);
}
