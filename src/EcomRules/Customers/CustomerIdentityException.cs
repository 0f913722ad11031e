namespace EcomRules.Customers;

/// <summary>
/// Thrown when a buyer's identity details are incomplete or invalid (CUS-1, CUS-2). Lists every problem found,
/// not just the first, so a form can show them all at once.
/// </summary>
/// <remarks>
/// Bad customer input is an argument error, so the typed exceptions of <c>EcomRules.Customers</c> all derive from
/// <see cref="ArgumentException"/> and carry the <see cref="RuleId"/> they enforce. Problems never repeat personal
/// data in full (SEC-1).
/// </remarks>
public sealed class CustomerIdentityException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule the details must satisfy: CUS-1 for a business buyer, CUS-2 for a private buyer.</param>
    /// <param name="problems">The problems, one sentence fragment each; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public CustomerIdentityException(RuleId ruleId, IEnumerable<string> problems)
        : this(ruleId, (problems ?? throw new ArgumentNullException(nameof(problems))).ToArray())
    {
    }

    private CustomerIdentityException(RuleId ruleId, string[] problems)
        : base($"The buyer's identity details do not satisfy {ruleId}: {string.Join("; ", problems)}.")
    {
        RuleId = ruleId;
        Problems = problems;
    }

    /// <summary>Gets the rule the details must satisfy.</summary>
    public RuleId RuleId { get; }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
