namespace EcomRules.Workflow;

/// <summary>
/// Why a trigger was refused in a state: the state, the trigger, the guard or rule that refused it and a sentence
/// a person can read. Reading <see cref="Reason"/> formats text; everything else is free.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public readonly struct WorkflowRefusal<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly WorkflowRule? _rule;

    internal WorkflowRefusal(TState state, TTrigger trigger, RefusalKind kind, WorkflowRule? rule)
    {
        State = state;
        Trigger = trigger;
        Kind = kind;
        _rule = rule;
    }

    /// <summary>Gets the state the trigger was fired in.</summary>
    public TState State { get; }

    /// <summary>Gets the refused trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets why the trigger was refused.</summary>
    public RefusalKind Kind { get; }

    /// <summary>Gets the name of the guard or rule that refused the trigger, or null for an unconfigured trigger.</summary>
    public string? GuardName => Kind == RefusalKind.NotPermitted ? null : _rule?.Name;

    /// <summary>Gets the catalogue rule that refused the trigger; default when none is named.</summary>
    public RuleId RuleId => _rule?.RuleId ?? default;

    /// <summary>Gets a sentence that says what was refused and why.</summary>
    public string Reason => Kind switch
    {
        RefusalKind.NotPermitted => _rule is null
            ? $"Trigger '{Trigger}' is not permitted in state '{State}'."
            : $"Trigger '{Trigger}' is not permitted in state '{State}': {_rule.Reason}",
        // An explicit Refuse is named after its rule: the rule ID is data (RuleId), not repeated in the sentence.
        _ => string.Equals(_rule!.Name, _rule.RuleId.Value, StringComparison.Ordinal)
            ? $"Trigger '{Trigger}' was refused in state '{State}': {_rule.Reason}"
            : $"Trigger '{Trigger}' was refused in state '{State}' by {_rule.Name}: {_rule.Reason}",
    };

    /// <summary>Creates the exception that reports this refusal.</summary>
    /// <returns>The exception.</returns>
    public WorkflowRefusedException ToException()
        => new(RuleId, Reason, State, Trigger, Kind, GuardName);

    /// <inheritdoc />
    public override string ToString() => RuleId.IsEmpty ? Reason : $"{RuleId}: {Reason}";
}
