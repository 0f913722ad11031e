namespace EcomRules.Workflow;

/// <summary>What a fired trigger did.</summary>
public enum TransitionKind : byte
{
    /// <summary>The trigger was refused; the state is unchanged. See <see cref="FireResult{TState, TTrigger}.Refusal"/>.</summary>
    Refused = 0,

    /// <summary>The state moved to another state.</summary>
    Transition = 1,

    /// <summary>The state was left and entered again (<c>PermitReentry</c>).</summary>
    Reentry = 2,

    /// <summary>The trigger was handled without leaving the state (<c>InternalTransition</c>).</summary>
    Internal = 3,

    /// <summary>The trigger was accepted and deliberately did nothing (<c>Ignore</c>).</summary>
    Ignored = 4,
}
