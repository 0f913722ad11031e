using System.Buffers;
using System.Text;

namespace EcomRules.Customers;

/// <summary>
/// A mainland China mobile number: 11 digits, the first 1 and the second 3 to 9. Buyers give it as their contact
/// phone (CUS-1) and invoices carry it for customer matching (CUS-3).
/// </summary>
/// <remarks>
/// <para>Parsing strips spaces, dashes and dots and an optional <c>+86</c> or <c>0086</c> country prefix, so
/// <c>+86 138-0013-8000</c> and <c>13800138000</c> are the same number.</para>
/// <para>This is personal data (SEC-1): <see cref="ToString"/> returns the <see cref="Masked"/> form
/// (<c>138****8000</c>); read <see cref="Value"/> only where the full number is needed.</para>
/// </remarks>
public readonly record struct ChineseMobileNumber
{
    /// <summary>The number of digits in a mobile number without the country prefix.</summary>
    public const int Length = 11;

    private static readonly SearchValues<char> Separators = SearchValues.Create("-.()");

    private readonly string? _value;

    private ChineseMobileNumber(string value) => _value = value;

    /// <summary>Gets the 11 digits (personal data: do not log it, SEC-1); empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the number with its middle four digits masked, for example <c>138****8000</c> (SEC-1).</summary>
    public string Masked => PersonalDataMask.Mobile(_value);

    /// <summary>Gets whether this is <c>default(ChineseMobileNumber)</c>, which is no number.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses a mobile number, stripping separators and a <c>+86</c>/<c>0086</c> prefix.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="InvalidIdentityNumberException">The text is not an 11-digit mainland mobile number.</exception>
    public static ChineseMobileNumber Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = Normalize(value);
        return Validate(normalized) is { } error
            ? throw error.ToException(RuleIds.Cus3, IdentityNumberKind.MobileNumber, PersonalDataMask.Mobile(normalized))
            : new ChineseMobileNumber(normalized);
    }

    /// <summary>Parses a mobile number as <see cref="Parse(string)"/> does, returning false instead of throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="number">The number, or default.</param>
    /// <returns>Whether <paramref name="value"/> is a mainland mobile number.</returns>
    public static bool TryParse(string? value, out ChineseMobileNumber number)
    {
        var normalized = value is null ? null : Normalize(value);
        var valid = normalized is not null && Validate(normalized) is null;
        number = valid ? new ChineseMobileNumber(normalized!) : default;
        return valid;
    }

    /// <summary>Returns the <see cref="Masked"/> form, never the full number (SEC-1).</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Masked;

    private static string Normalize(string value)
    {
        // Usually already plain digits: keep the string.
        if (!value.AsSpan().ContainsAny(Separators) && !value.StartsWith("+86", StringComparison.Ordinal) && !value.StartsWith("0086", StringComparison.Ordinal)
            && !ContainsWhiteSpace(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
            {
                builder.Append(c);
            }
        }

        var digits = builder.ToString();
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            return digits[3..];
        }

        return digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..] : digits;
    }

    private static bool ContainsWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static IdentityNumberError? Validate(string value)
    {
        if ((IdentityNumberError.CheckLength(value, Length) ?? IdentityNumberError.CheckDigits(value)) is { } error)
        {
            return error;
        }

        if (value[0] != '1')
        {
            return IdentityNumberError.BadCharacter(value[0], 1, "1");
        }

        return value[1] is >= '3' and <= '9' ? null : IdentityNumberError.BadCharacter(value[1], 2, "3 to 9");
    }
}
