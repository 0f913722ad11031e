using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>
/// An organisation's 18-character unified social credit code (统一社会信用代码, GB 32100-2015), which a business
/// buyer gives as its organisation code (CUS-1).
/// </summary>
/// <remarks>
/// <para>Layout: position 1 registration authority, 2 entity type, 3–8 administrative division code (digits),
/// 9–17 the organisation code (GB 11714, with its own check character at 17), 18 the check character.
/// Characters come from <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> (no I, O, Z, S or V).</para>
/// <para>Both check characters are verified: the code's own (weights 1, 3, 9 … 28 mod 31) and the embedded
/// organisation code's (weights 3, 7, 9, 10, 5, 8, 4, 2 mod 11). Published codes such as
/// <c>91350100M000100Y43</c> satisfy both.</para>
/// <para>Input is trimmed and upper-cased. <c>default(UnifiedSocialCreditCode)</c> has an empty
/// <see cref="Value"/> and is refused where a code is required.</para>
/// </remarks>
public readonly record struct UnifiedSocialCreditCode
{
    /// <summary>The number of characters in a code.</summary>
    public const int Length = 18;

    /// <summary>The characters a code may contain, in the order of their values 0 to 30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value) => _value = value;

    /// <summary>Gets the 18-character code in upper case; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the registration authority (position 1), for example '9' for market regulation.</summary>
    public char RegistrationAuthority => _value is null ? '\0' : _value[0];

    /// <summary>Gets the entity type (position 2), for example '1' for a company.</summary>
    public char EntityType => _value is null ? '\0' : _value[1];

    /// <summary>Gets the six-digit administrative division code of the registering authority (positions 3–8).</summary>
    public string AdministrativeDivisionCode => _value is null ? string.Empty : _value[2..8];

    /// <summary>Gets the nine-character GB 11714 organisation code (positions 9–17).</summary>
    public string OrganizationCode => _value is null ? string.Empty : _value[8..17];

    /// <summary>Gets whether this is <c>default(UnifiedSocialCreditCode)</c>, which is no code.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses a code, trimming white space and upper-casing letters (CUS-1).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="InvalidIdentityNumberException">The length, a character or a check character is wrong.</exception>
    public static UnifiedSocialCreditCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = IdentityNumberError.Normalize(value);
        return Validate(normalized) is { } error
            ? throw error.ToException(RuleIds.Cus1, IdentityNumberKind.UnifiedSocialCreditCode, PersonalDataMask.Keep(normalized, 0, 0))
            : new UnifiedSocialCreditCode(normalized);
    }

    /// <summary>Parses a code as <see cref="Parse(string)"/> does, returning false instead of throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="code">The code, or default.</param>
    /// <returns>Whether <paramref name="value"/> is a valid code.</returns>
    public static bool TryParse(string? value, out UnifiedSocialCreditCode code)
    {
        code = default;
        if (value is null)
        {
            return false;
        }

        var normalized = IdentityNumberError.Normalize(value);
        if (Validate(normalized) is not null)
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(normalized);
        return true;
    }

    /// <summary>Says what is wrong with a code (MER-1 refuses it as input without an exception); null when it is valid.</summary>
    internal static string? Problem(string value)
    {
        var normalized = IdentityNumberError.Normalize(value);
        return Validate(normalized) is { } error
            ? (error.Position is { } position ? $"position {position}: {error.Reason}" : error.Reason)
            : null;
    }

    /// <summary>Computes the check character (position 18) for the first 17 characters of a code.</summary>
    /// <param name="first17">The first 17 characters, upper case, from <see cref="Alphabet"/>.</param>
    /// <returns>The check character.</returns>
    /// <exception cref="ArgumentException"><paramref name="first17"/> has another length or a character outside <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        Preconditions.CheckArgument(first17.Length == Length - 1 && first17.IndexOfAnyExcept(Alphabet) < 0, nameof(first17),
            "Expected the first 17 characters of a unified social credit code, from 0-9 and A-Y without I, O, Z, S and V.");
        return CheckCharacter(first17);
    }

    /// <summary>Computes the GB 11714 check character (the ninth) of an organisation code from its first eight characters.</summary>
    /// <param name="first8">The first eight characters: digits or upper-case letters.</param>
    /// <returns>The check character: a digit or 'X'.</returns>
    /// <exception cref="ArgumentException"><paramref name="first8"/> has another length or other characters.</exception>
    public static char ComputeOrganizationCodeCheckCharacter(ReadOnlySpan<char> first8)
    {
        Preconditions.CheckArgument(first8.Length == 8 && !first8.ContainsAnyExcept(Alphabet), nameof(first8),
            "Expected the first 8 characters of an organisation code, from 0-9 and A-Y without I, O, Z, S and V.");
        return OrganizationCheckCharacter(first8);
    }

    /// <summary>Returns the code. An organisation's code is public registration data, not personal data, so it is not masked.</summary>
    /// <returns>The 18-character code.</returns>
    public override string ToString() => Value;

    // CUS-1: the full GB 32100-2015 check: length, alphabet, digits in the division code, both check characters.
    private static IdentityNumberError? Validate(string value)
    {
        if (IdentityNumberError.CheckLength(value, Length) is { } lengthError)
        {
            return lengthError;
        }

        var bad = value.AsSpan().IndexOfAnyExcept(Alphabet);
        if (bad >= 0)
        {
            return IdentityNumberError.BadCharacter(value[bad], bad + 1, "allowed (0-9, A-Y without I, O, Z, S, V)");
        }

        if (IdentityNumberError.CheckDigits(value.AsSpan(2, 6), firstPosition: 3) is { } divisionError)
        {
            return divisionError;
        }

        var organizationCheck = OrganizationCheckCharacter(value.AsSpan(8, 8));
        if (value[16] != organizationCheck)
        {
            return IdentityNumberError.BadCheck(organizationCheck, value[16], 17);
        }

        var check = CheckCharacter(value.AsSpan(0, Length - 1));
        return value[Length - 1] == check ? null : IdentityNumberError.BadCheck(check, value[Length - 1], Length);
    }

    // GB 32100-2015: check = 31 - (sum of value × weight mod 31), where 31 becomes 0.
    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    // GB 11714: digits are worth 0-9 and letters A-Z 10-35; check = 11 - (sum mod 11), 10 → 'X', 11 → '0'.
    private static char OrganizationCheckCharacter(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < first8.Length; i++)
        {
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganizationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}
