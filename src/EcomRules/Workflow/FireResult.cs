namespace EcomRules.Workflow;

/// <summary>
/// The outcome of firing a trigger: an accepted transition (with its destination and kind) or a refusal.
/// A small struct; producing it allocates nothing.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public readonly struct FireResult<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly WorkflowRule? _refusedBy;
    private readonly RefusalKind _refusalKind;

    internal FireResult(TState source, TTrigger trigger, TState destination, TransitionKind kind)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Kind = kind;
        _refusedBy = null;
        _refusalKind = default;
    }

    internal FireResult(TState source, TTrigger trigger, RefusalKind refusalKind, WorkflowRule? refusedBy)
    {
        Source = source;
        Trigger = trigger;
        Destination = source;
        Kind = TransitionKind.Refused;
        _refusedBy = refusedBy;
        _refusalKind = refusalKind;
    }

    /// <summary>Gets the state the trigger was fired in.</summary>
    public TState Source { get; }

    /// <summary>Gets the fired trigger.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Gets the state after firing; the <see cref="Source"/> when refused, ignored or internal.</summary>
    public TState Destination { get; }

    /// <summary>Gets what the trigger did.</summary>
    public TransitionKind Kind { get; }

    /// <summary>Gets whether the trigger was accepted (a transition, a re-entry, an internal transition or an ignore).</summary>
    public bool IsAccepted => Kind != TransitionKind.Refused;

    /// <summary>Gets whether the trigger was refused.</summary>
    public bool IsRefused => Kind == TransitionKind.Refused;

    /// <summary>Gets the refusal.</summary>
    /// <exception cref="InvalidOperationException">The trigger was accepted.</exception>
    public WorkflowRefusal<TState, TTrigger> Refusal => IsRefused
        ? new WorkflowRefusal<TState, TTrigger>(Source, Trigger, _refusalKind, _refusedBy)
        : throw new InvalidOperationException($"Trigger '{Trigger}' was accepted in state '{Source}'; there is no refusal.");

    /// <inheritdoc />
    public override string ToString() => IsRefused ? Refusal.ToString() : $"{Source} --{Trigger}--> {Destination} ({Kind})";
}
