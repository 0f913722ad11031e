namespace EcomRules.Workflow;

/// <summary>One configured row of a workflow's table, as declared (inherited rows are not repeated).</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <param name="Source">The state the row is configured on.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Destination">The destination; the source for re-entries, internal transitions, ignores and refusals.</param>
/// <param name="Kind">What firing does; <see cref="TransitionKind.Refused"/> for an explicit <c>Refuse</c>.</param>
/// <param name="Guard">The guard, or the rule of an explicit refusal; null when unguarded.</param>
public sealed record WorkflowTransitionInfo<TState, TTrigger>(
    TState Source,
    TTrigger Trigger,
    TState Destination,
    TransitionKind Kind,
    WorkflowRule? Guard)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
