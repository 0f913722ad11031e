namespace EcomRules.Workflow;

/// <summary>
/// Configures one state of a workflow being built. Returned by
/// <see cref="WorkflowBuilder{TState, TTrigger, TContext}.Configure"/>; every method returns this configuration so
/// calls chain, and <see cref="Configure"/> / <see cref="Build"/> continue with the builder.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The data guards look at.</typeparam>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly WorkflowBuilder<TState, TTrigger, TContext> _builder;
    private readonly List<Entry> _entries = [];
    private readonly List<TState> _superstates = [];

    internal StateConfiguration(WorkflowBuilder<TState, TTrigger, TContext> builder, TState state)
    {
        _builder = builder;
        State = state;
    }

    /// <summary>Gets the state being configured.</summary>
    public TState State { get; }

    internal IReadOnlyList<Entry> Entries => _entries;

    internal IReadOnlyList<TState> Superstates => _superstates;

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The destination; must be configured and differ from this state (use <see cref="PermitReentry"/>).</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination)
        => Add(new Entry(trigger, TransitionKind.Transition, destination, null));

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires and <paramref name="guard"/> allows it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The destination.</param>
    /// <param name="guard">The named guard; guards of one trigger in one state must have distinct names.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="guard"/> is null.</exception>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(TTrigger trigger, TState destination, WorkflowGuard<TContext> guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new Entry(trigger, TransitionKind.Transition, destination, guard));
    }

    /// <summary>Leaves and re-enters this state when <paramref name="trigger"/> fires.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger)
        => Add(new Entry(trigger, TransitionKind.Reentry, State, null));

    /// <summary>Leaves and re-enters this state when <paramref name="trigger"/> fires and <paramref name="guard"/> allows it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The named guard.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="guard"/> is null.</exception>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentryIf(TTrigger trigger, WorkflowGuard<TContext> guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new Entry(trigger, TransitionKind.Reentry, State, guard));
    }

    /// <summary>Handles <paramref name="trigger"/> without leaving the state (the caller records its effect).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(TTrigger trigger)
        => Add(new Entry(trigger, TransitionKind.Internal, State, null));

    /// <summary>Handles <paramref name="trigger"/> without leaving the state when <paramref name="guard"/> allows it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The named guard.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="guard"/> is null.</exception>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf(TTrigger trigger, WorkflowGuard<TContext> guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new Entry(trigger, TransitionKind.Internal, State, guard));
    }

    /// <summary>Accepts <paramref name="trigger"/> and does nothing (an idempotent repeat, say).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Ignore(TTrigger trigger)
        => Add(new Entry(trigger, TransitionKind.Ignored, State, null));

    /// <summary>
    /// Refuses <paramref name="trigger"/> in this state naming <paramref name="ruleId"/> — for a trigger the state
    /// would otherwise inherit, or to give a refusal a rule and a reason instead of "not permitted".
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="ruleId">The rule that forbids it, such as <c>ORD-2</c>.</param>
    /// <param name="reason">The sentence the refusal reports.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public StateConfiguration<TState, TTrigger, TContext> Refuse(TTrigger trigger, RuleId ruleId, string reason)
        => Add(new Entry(trigger, TransitionKind.Refused, State, new WorkflowRule(ruleId.IsEmpty ? "Refuse" : ruleId.Value, ruleId, reason)));

    /// <summary>
    /// Makes this state a substate of <paramref name="superstate"/>: it inherits every trigger of the superstate
    /// that it does not handle itself. Its own guarded transitions are tried first, then the superstate's.
    /// An inherited re-entry re-enters the superstate; inherited internal transitions and ignores stay in this state.
    /// </summary>
    /// <param name="superstate">The superstate; must be configured.</param>
    /// <returns>This configuration.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built its definition.</exception>
    public StateConfiguration<TState, TTrigger, TContext> SubstateOf(TState superstate)
    {
        _builder.ThrowIfBuilt();
        _superstates.Add(superstate);
        return this;
    }

    /// <summary>Continues with the configuration of another state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>Its configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state) => _builder.Configure(state);

    /// <summary>Validates and freezes the workflow; the same as <see cref="WorkflowBuilder{TState, TTrigger, TContext}.Build"/>.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="WorkflowDefinitionException">The configuration is not valid; every problem is listed.</exception>
    public WorkflowDefinition<TState, TTrigger, TContext> Build() => _builder.Build();

    private StateConfiguration<TState, TTrigger, TContext> Add(Entry entry)
    {
        _builder.ThrowIfBuilt();
        _entries.Add(entry);
        return this;
    }

    internal readonly record struct Entry(TTrigger Trigger, TransitionKind Kind, TState Destination, WorkflowRule? Guard);
}
