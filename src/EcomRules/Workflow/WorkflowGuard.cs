namespace EcomRules.Workflow;

/// <summary>
/// A named guard on a transition: a pure predicate of the context, and the rule and sentence a refusal reports
/// when the predicate says no. Create guards once (as static fields) and share them.
/// </summary>
/// <typeparam name="TContext">The data the guard looks at.</typeparam>
public sealed class WorkflowGuard<TContext> : WorkflowRule
{
    private readonly GuardPredicate<TContext> _predicate;

    /// <summary>Creates a guard.</summary>
    /// <param name="name">A short name, unique among the guards of one trigger in one state.</param>
    /// <param name="ruleId">The catalogue rule the guard enforces, such as <c>ORD-7</c>.</param>
    /// <param name="reason">The sentence a refusal reports.</param>
    /// <param name="predicate">The pure test; true allows the transition.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public WorkflowGuard(string name, RuleId ruleId, string reason, GuardPredicate<TContext> predicate)
        : base(name, ruleId, reason)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        _predicate = predicate;
    }

    /// <summary>Applies the guard.</summary>
    /// <param name="context">The context.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public bool Allows(in TContext context) => _predicate(in context);
}
