namespace EcomRules.Customers;

/// <summary>
/// What is wrong with a customer number, found without throwing so that <c>TryParse</c> stays cheap;
/// <c>Parse</c> turns it into an <see cref="InvalidIdentityNumberException"/>.
/// </summary>
/// <param name="Position">The 1-based position of the offending character, or null for the whole value.</param>
/// <param name="Reason">What is wrong.</param>
internal readonly record struct IdentityNumberError(int? Position, string Reason)
{
    /// <summary>Upper-cases ASCII letters and trims white space: the one normal form of every customer number.</summary>
    internal static string Normalize(string input) => input.Trim().ToUpperInvariant();

    /// <summary>Returns an error when <paramref name="value"/> does not have exactly <paramref name="length"/> characters.</summary>
    internal static IdentityNumberError? CheckLength(string value, int length)
        => value.Length == length ? null : new IdentityNumberError(null, $"expected {length} characters, got {value.Length}");

    /// <summary>Returns an error naming the first character of <paramref name="value"/> that is not an ASCII digit.</summary>
    internal static IdentityNumberError? CheckDigits(ReadOnlySpan<char> value, int firstPosition = 1)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return BadCharacter(value[i], i + firstPosition, "a digit");
            }
        }

        return null;
    }

    /// <summary>An error for an unexpected character.</summary>
    internal static IdentityNumberError BadCharacter(char found, int position, string expected)
        => new(position, $"character '{found}' is not {expected}");

    /// <summary>An error for a check character that does not match.</summary>
    internal static IdentityNumberError BadCheck(char expected, char found, int position)
        => new(position, $"check character expected {expected}, got {found}");

    /// <summary>The typed exception for this error.</summary>
    internal InvalidIdentityNumberException ToException(RuleId ruleId, IdentityNumberKind kind, string displayedInput)
        => new(ruleId, kind, Position, Reason, displayedInput);
}
