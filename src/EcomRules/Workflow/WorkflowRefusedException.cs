namespace EcomRules.Workflow;

/// <summary>
/// Thrown by <see cref="WorkflowDefinition{TState, TTrigger, TContext}.Fire"/> when a trigger is refused. Carries the
/// state, the trigger, the guard and the rule that refused it. Nothing was changed.
/// </summary>
public sealed class WorkflowRefusedException : RuleViolationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule that refused the trigger, or default.</param>
    /// <param name="message">The reason as a sentence.</param>
    /// <param name="state">The state the trigger was fired in.</param>
    /// <param name="trigger">The refused trigger.</param>
    /// <param name="kind">Why it was refused.</param>
    /// <param name="guardName">The guard or rule that refused it, if any.</param>
    public WorkflowRefusedException(RuleId ruleId, string message, Enum state, Enum trigger, RefusalKind kind, string? guardName)
        : base(ruleId, message)
    {
        State = state;
        Trigger = trigger;
        Kind = kind;
        GuardName = guardName;
    }

    /// <summary>Gets the state the trigger was fired in.</summary>
    public Enum State { get; }

    /// <summary>Gets the refused trigger.</summary>
    public Enum Trigger { get; }

    /// <summary>Gets why the trigger was refused.</summary>
    public RefusalKind Kind { get; }

    /// <summary>Gets the guard or rule that refused the trigger, or null for an unconfigured trigger.</summary>
    public string? GuardName { get; }
}
