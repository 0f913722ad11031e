using EcomRules.Internal;

namespace EcomRules.Workflow;

/// <summary>
/// Builds a <see cref="WorkflowDefinition{TState, TTrigger, TContext}"/>: configure each state's transitions, then
/// <see cref="Build"/> validates the whole table, flattens inheritance into a lookup table and freezes it.
/// </summary>
/// <example>
/// <code>
/// var definition = new WorkflowBuilder&lt;OrderState, OrderTrigger, OrderFacts&gt;("order")
///     .StartAt(OrderState.Placed)
///     .Configure(OrderState.Placed).Permit(OrderTrigger.Pay, OrderState.Paid)
///     .Configure(OrderState.Paid).PermitIf(OrderTrigger.Ship, OrderState.Shipped, Guards.PaperworkComplete)
///     .Configure(OrderState.Shipped)
///     .Build();
/// </code>
/// </example>
/// <typeparam name="TState">The state type: an enum whose defined values span at most <see cref="MaxEnumSpan"/>.</typeparam>
/// <typeparam name="TTrigger">The trigger type: an enum whose defined values span at most <see cref="MaxEnumSpan"/>.</typeparam>
/// <typeparam name="TContext">The data guards look at; passed by reference, so a large struct costs nothing to pass.</typeparam>
public sealed class WorkflowBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The largest distance between the smallest and largest defined value of a state or trigger enum, plus one.</summary>
    public const int MaxEnumSpan = 4096;

    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger, TContext>> _states = [];
    private readonly List<TState> _order = [];
    private TState? _initial;
    private WorkflowRule? _unhandled;
    private WorkflowDefinition<TState, TTrigger, TContext>? _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="name">The workflow's name, used in errors and diagrams, such as <c>"order"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public WorkflowBuilder(string name)
    {
        Name = Preconditions.CheckNotBlank(name);
    }

    /// <summary>Gets the workflow's name.</summary>
    public string Name { get; }

    /// <summary>Declares the state new instances start in (shown in diagrams); it is configured if it was not.</summary>
    /// <param name="state">The initial state.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder<TState, TTrigger, TContext> StartAt(TState state)
    {
        _ = Configure(state);
        _initial = state;
        return this;
    }

    /// <summary>
    /// Names the rule that refuses a trigger no state configures, such as <c>ORD-1</c> ("state only moves along the
    /// table"). Without it such refusals name no rule.
    /// </summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="reason">The sentence refusals report after "not permitted in state S".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public WorkflowBuilder<TState, TTrigger, TContext> OnUnhandledTrigger(RuleId ruleId, string reason)
    {
        ThrowIfBuilt();
        _unhandled = new WorkflowRule("Unhandled", ruleId, reason);
        return this;
    }

    /// <summary>Configures a state; calling it again for the same state continues the same configuration.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The state's configuration.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built its definition.</exception>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        ThrowIfBuilt();
        if (!_states.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration<TState, TTrigger, TContext>(this, state);
            _states.Add(state, configuration);
            _order.Add(state);
        }

        return configuration;
    }

    /// <summary>
    /// Validates the configuration and freezes it into a definition. Every problem is collected and reported
    /// together: transitions to states that are not configured, duplicate transitions for one trigger without
    /// distinct guards, substate cycles, several superstates, values the enum does not define.
    /// </summary>
    /// <returns>The definition; building again returns the same one.</returns>
    /// <exception cref="WorkflowDefinitionException">The configuration is not valid.</exception>
    public WorkflowDefinition<TState, TTrigger, TContext> Build()
    {
        if (_built is not null)
        {
            return _built;
        }

        var problems = new List<string>();
        var parents = new Dictionary<TState, TState>();
        foreach (var state in _order)
        {
            var configuration = _states[state];
            if (!Enum.IsDefined(state))
            {
                problems.Add($"State {EnumIndex<TState>.ToInt64(state)} is not a defined value of {typeof(TState).Name}.");
            }

            CheckSuperstates(state, configuration, parents, problems);
            CheckEntries(state, configuration, problems);
        }

        CheckCycles(parents, problems);
        if (_states.Count == 0)
        {
            problems.Add("No state is configured.");
        }

        if (problems.Count > 0)
        {
            throw new WorkflowDefinitionException(Name, problems);
        }

        _built = new WorkflowDefinition<TState, TTrigger, TContext>(Name, _order, _states, parents, _initial, _unhandled);
        return _built;
    }

    internal void ThrowIfBuilt()
    {
        if (_built is not null)
        {
            throw new InvalidOperationException($"The workflow '{Name}' has been built; a definition is frozen. Use a new builder.");
        }
    }

    private void CheckSuperstates(TState state, StateConfiguration<TState, TTrigger, TContext> configuration, Dictionary<TState, TState> parents, List<string> problems)
    {
        var distinct = configuration.Superstates.Distinct().ToArray();
        if (distinct.Length > 1)
        {
            problems.Add($"State '{state}' is a substate of several states ({string.Join(", ", distinct)}); a state has at most one superstate.");
        }

        if (distinct.Length == 0)
        {
            return;
        }

        var parent = distinct[0];
        if (EqualityComparer<TState>.Default.Equals(parent, state))
        {
            problems.Add($"State '{state}' is declared a substate of itself.");
        }
        else if (!_states.ContainsKey(parent))
        {
            problems.Add($"State '{state}' is a substate of '{parent}', which is not configured; call Configure({parent}).");
        }
        else
        {
            parents[state] = parent;
        }
    }

    private void CheckEntries(TState state, StateConfiguration<TState, TTrigger, TContext> configuration, List<string> problems)
    {
        foreach (var group in configuration.Entries.GroupBy(e => e.Trigger))
        {
            var trigger = group.Key;
            if (!Enum.IsDefined(trigger))
            {
                problems.Add($"State '{state}' configures trigger {EnumIndex<TTrigger>.ToInt64(trigger)}, which is not a defined value of {typeof(TTrigger).Name}.");
            }

            var entries = group.ToArray();
            var unguarded = entries.Count(e => e.Guard is null || e.Kind == TransitionKind.Refused);
            if (entries.Length > 1 && unguarded > 0)
            {
                problems.Add($"State '{state}' configures trigger '{trigger}' {entries.Length} times and at least one is unguarded; "
                    + "several transitions for one trigger need distinct guards.");
            }

            foreach (var name in entries.Where(e => e.Guard is not null && e.Kind != TransitionKind.Refused)
                         .GroupBy(e => e.Guard!.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add($"State '{state}' configures trigger '{trigger}' more than once with guard '{name}'; the guards must be distinct.");
            }

            foreach (var entry in entries.Where(e => e.Kind == TransitionKind.Transition))
            {
                if (!_states.ContainsKey(entry.Destination))
                {
                    problems.Add($"State '{state}' moves on '{trigger}' to '{entry.Destination}', which is not configured; call Configure({entry.Destination}).");
                }
                else if (EqualityComparer<TState>.Default.Equals(entry.Destination, state))
                {
                    problems.Add($"State '{state}' permits '{trigger}' back to itself; use PermitReentry or InternalTransition to say which is meant.");
                }
            }
        }
    }

    private static void CheckCycles(Dictionary<TState, TState> parents, List<string> problems)
    {
        var reported = new HashSet<TState>();
        foreach (var start in parents.Keys)
        {
            var path = new List<TState> { start };
            var seen = new HashSet<TState> { start };
            var current = start;
            while (parents.TryGetValue(current, out var parent))
            {
                if (!seen.Add(parent))
                {
                    var members = path.Skip(path.IndexOf(parent)).ToArray();
                    if (!members.Any(reported.Contains))
                    {
                        reported.UnionWith(members);
                        problems.Add($"Substate cycle: {string.Join(" → ", members.Append(parent))}.");
                    }

                    break;
                }

                path.Add(parent);
                current = parent;
            }
        }
    }
}
