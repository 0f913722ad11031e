using EcomRules.Internal;

namespace EcomRules.Workflow;

/// <summary>
/// A named rule that can refuse a trigger: the base of <see cref="WorkflowGuard{TContext}"/>, and what an explicit
/// <c>Refuse</c> or the definition's unhandled-trigger rule report.
/// </summary>
public class WorkflowRule
{
    /// <summary>Creates a named rule.</summary>
    /// <param name="name">A short name that identifies the rule in refusals and diagrams, such as <c>"PaperworkComplete"</c>.</param>
    /// <param name="ruleId">The catalogue rule it enforces, such as <c>ORD-7</c>; default when it enforces none.</param>
    /// <param name="reason">The sentence a refusal reports, such as <c>"Nothing ships without payment, delivery note and invoice."</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="reason"/> is blank.</exception>
    public WorkflowRule(string name, RuleId ruleId, string reason)
    {
        Name = Preconditions.CheckNotBlank(name);
        RuleId = ruleId;
        Reason = Preconditions.CheckNotBlank(reason);
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the catalogue rule this enforces, or default.</summary>
    public RuleId RuleId { get; }

    /// <summary>Gets the sentence a refusal reports.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => RuleId.IsEmpty ? Name : $"{Name} ({RuleId})";
}
