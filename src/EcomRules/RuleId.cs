using EcomRules.Internal;

namespace EcomRules;

/// <summary>
/// The identifier of a rule in the EcomRules catalogue (<c>RULES.md</c>), such as <c>ORD-2</c> or <c>RET-2</c>.
/// Code that enforces a rule cites it; a refused command reports the rule that refused it.
/// </summary>
/// <remarks>
/// A rule ID is a family of two to four upper-case ASCII letters, a hyphen and a positive number
/// (<c>SLA-8</c>). The well-known catalogue entries are on <see cref="RuleIds"/>.
/// </remarks>
public readonly record struct RuleId : IComparable<RuleId>
{
    private readonly string? _value;

    /// <summary>Creates a rule ID from its text form.</summary>
    /// <param name="value">The text form, for example <c>"REF-2"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of the form <c>FAM-N</c>.</exception>
    public RuleId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Preconditions.CheckArgument(IsWellFormed(value), nameof(value),
            $"'{value}' is not a rule ID: expected 2-4 upper-case letters, a hyphen and a positive number, such as 'ORD-2'.");
        _value = value;
    }

    /// <summary>Gets the text form, for example <c>ORD-2</c>; empty for <c>default(RuleId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the family, for example <c>ORD</c> for <c>ORD-2</c>.</summary>
    public string Family => _value is null ? string.Empty : _value[.._value.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>Gets whether this is <c>default(RuleId)</c>, which names no rule.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a rule ID, returning false for text that is not well formed.</summary>
    /// <param name="value">The text to parse.</param>
    /// <param name="ruleId">The parsed rule ID, or default.</param>
    /// <returns>Whether <paramref name="value"/> was a well-formed rule ID.</returns>
    public static bool TryParse(string? value, out RuleId ruleId)
    {
        if (value is not null && IsWellFormed(value))
        {
            ruleId = new RuleId(value);
            return true;
        }

        ruleId = default;
        return false;
    }

    /// <inheritdoc />
    public int CompareTo(RuleId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool IsWellFormed(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash is < 2 or > 4 || dash == value.Length - 1 || value[dash + 1] == '0')
        {
            return false;
        }

        for (var i = 0; i < dash; i++)
        {
            if (!char.IsAsciiLetterUpper(value[i]))
            {
                return false;
            }
        }

        for (var i = dash + 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return value.Length - dash - 1 <= 3;
    }
}
