namespace EcomRules;

/// <summary>
/// Thrown when an operation would break a rule of the catalogue. The <see cref="RuleId"/> names the rule; the
/// message is a sentence a person can act on. Nothing was changed when this is thrown.
/// </summary>
public class RuleViolationException : InvalidOperationException
{
    /// <summary>Creates the exception for a rule and a readable reason.</summary>
    /// <param name="ruleId">The rule that refused the operation.</param>
    /// <param name="message">The reason, as a sentence.</param>
    public RuleViolationException(RuleId ruleId, string message)
        : base(message)
    {
        RuleId = ruleId;
    }

    /// <summary>Creates the exception for a rule, a readable reason and the exception that caused it.</summary>
    /// <param name="ruleId">The rule that refused the operation.</param>
    /// <param name="message">The reason, as a sentence.</param>
    /// <param name="innerException">The cause.</param>
    public RuleViolationException(RuleId ruleId, string message, Exception? innerException)
        : base(message, innerException)
    {
        RuleId = ruleId;
    }

    /// <summary>Gets the rule that refused the operation.</summary>
    public RuleId RuleId { get; }
}
