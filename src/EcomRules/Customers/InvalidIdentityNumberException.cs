using System.Globalization;

namespace EcomRules.Customers;

/// <summary>
/// Thrown when a customer number (credit code, resident ID, postal code, mobile number) is malformed. It says
/// which rule requires the number, which kind it is, and what is wrong: the length, the character at a position,
/// or the check character.
/// </summary>
/// <remarks>
/// Bad customer input is an argument error, so the typed exceptions of <c>EcomRules.Customers</c> all derive from
/// <see cref="ArgumentException"/> and carry the <see cref="RuleId"/> they enforce. The message never repeats a
/// personal number in full (SEC-1): a resident ID or mobile number appears masked.
/// </remarks>
public sealed class InvalidIdentityNumberException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule that requires the number, for example CUS-1.</param>
    /// <param name="kind">The kind of number.</param>
    /// <param name="position">The 1-based position of the offending character, or null when the whole value is at fault.</param>
    /// <param name="reason">What is wrong, as a sentence fragment such as "check character expected X, got 3".</param>
    /// <param name="displayedInput">The input as it may be shown (masked for personal numbers).</param>
    public InvalidIdentityNumberException(RuleId ruleId, IdentityNumberKind kind, int? position, string reason, string displayedInput)
        : base(FormatMessage(ruleId, kind, position, reason, displayedInput))
    {
        RuleId = ruleId;
        Kind = kind;
        Position = position;
        Reason = reason;
    }

    /// <summary>Gets the rule that requires the number.</summary>
    public RuleId RuleId { get; }

    /// <summary>Gets the kind of number.</summary>
    public IdentityNumberKind Kind { get; }

    /// <summary>Gets the 1-based position of the offending character, or null when the whole value is at fault.</summary>
    public int? Position { get; }

    /// <summary>Gets what is wrong, for example <c>check character expected X, got 3</c>.</summary>
    public string Reason { get; }

    private static string FormatMessage(RuleId ruleId, IdentityNumberKind kind, int? position, string reason, string displayedInput)
    {
        var where = position is { } p ? string.Create(CultureInfo.InvariantCulture, $" at position {p}") : string.Empty;
        return $"'{displayedInput}' is not a valid {Describe(kind)} ({ruleId}): {reason}{where}.";
    }

    private static string Describe(IdentityNumberKind kind) => kind switch
    {
        IdentityNumberKind.UnifiedSocialCreditCode => "unified social credit code",
        IdentityNumberKind.ResidentIdNumber => "resident ID number",
        IdentityNumberKind.PostalCode => "postal code",
        IdentityNumberKind.MobileNumber => "mobile number",
        _ => "number",
    };
}
