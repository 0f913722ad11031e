namespace EcomRules.Workflow;

/// <summary>Why a trigger was refused.</summary>
public enum RefusalKind : byte
{
    /// <summary>The trigger is not configured for the state (nor for any of its superstates).</summary>
    NotPermitted = 1,

    /// <summary>Every transition configured for the trigger is guarded and no guard allowed it.</summary>
    GuardFailed = 2,

    /// <summary>The state refuses the trigger explicitly, naming a rule (<c>Refuse</c>).</summary>
    Forbidden = 3,
}
