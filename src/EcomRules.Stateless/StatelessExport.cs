using EcomRules.Workflow;
using Stateless;
using Stateless.Graph;

namespace EcomRules.Stateless;

/// <summary>
/// Exports a <see cref="WorkflowDefinition{TState, TTrigger, TContext}"/> as a configured Stateless
/// <see cref="StateMachine{TState, TTrigger}"/>, for Stateless's tooling: <see cref="StateMachine{TState, TTrigger}.GetInfo"/>
/// reflection and <see cref="UmlDotGraph"/> diagrams. The definition stays the run-time engine; the exported machine
/// is a faithful copy for tools (and can be fired, with the same outcomes).
/// </summary>
/// <remarks>
/// <para>
/// Every configured state, superstate and row is exported: transitions (<c>Permit</c>/<c>PermitIf</c>), re-entries,
/// internal transitions (with an empty action; the caller records effects) and ignores. Each guard is exported with
/// its <see cref="WorkflowRule.ToString"/> as the guard description, such as <c>PaperworkComplete (ORD-7)</c>, so the
/// catalogue rule shows on the diagram's edge; guards read the context through the function the caller passes.
/// </para>
/// <para>
/// Where the two engines' semantics differ, the export adds conditions so that the exported machine accepts exactly
/// what the definition accepts: several guarded rows for one trigger in one state are made mutually exclusive (the
/// definition takes the first that allows it; Stateless throws when two pass), and an inherited row is not taken in a
/// substate that refuses its trigger (<c>Refuse</c> has no Stateless counterpart: a refused trigger is simply left
/// unhandled, and Stateless's unhandled-trigger action reports it). The machine fires in
/// <see cref="FiringMode.Queued"/> mode: in immediate mode Stateless 5.20 leaves the machine in the substate after a
/// re-entry it inherited from its superstate, where the definition (and Stateless's queued mode) re-enters the superstate.
/// </para>
/// </remarks>
public static class StatelessExport
{
    /// <summary>Exports the definition as a Stateless machine that holds its own state, starting in <paramref name="initialState"/>.</summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <typeparam name="TTrigger">The trigger type.</typeparam>
    /// <typeparam name="TContext">The data guards look at.</typeparam>
    /// <param name="definition">The workflow.</param>
    /// <param name="initialState">The state the machine starts in (and the initial state its diagrams show).</param>
    /// <param name="context">Supplies the context the guards look at whenever Stateless evaluates one.</param>
    /// <returns>The configured machine, in <see cref="FiringMode.Queued"/> mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> or <paramref name="context"/> is null.</exception>
    public static StateMachine<TState, TTrigger> ToStateMachine<TState, TTrigger, TContext>(
        this WorkflowDefinition<TState, TTrigger, TContext> definition, TState initialState, Func<TContext> context)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var machine = new StateMachine<TState, TTrigger>(initialState, FiringMode.Queued);
        Configure(definition, machine, context);
        return machine;
    }

    /// <summary>Exports the definition as a Stateless machine whose state is kept outside it, for example on an aggregate.</summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <typeparam name="TTrigger">The trigger type.</typeparam>
    /// <typeparam name="TContext">The data guards look at.</typeparam>
    /// <param name="definition">The workflow.</param>
    /// <param name="stateAccessor">Reads the current state; its value now is the initial state diagrams show.</param>
    /// <param name="stateMutator">Writes a new state.</param>
    /// <param name="context">Supplies the context the guards look at whenever Stateless evaluates one.</param>
    /// <returns>The configured machine, in <see cref="FiringMode.Queued"/> mode.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StateMachine<TState, TTrigger> ToStateMachine<TState, TTrigger, TContext>(
        this WorkflowDefinition<TState, TTrigger, TContext> definition, Func<TState> stateAccessor, Action<TState> stateMutator, Func<TContext> context)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        ArgumentNullException.ThrowIfNull(context);
        var machine = new StateMachine<TState, TTrigger>(stateAccessor, stateMutator, FiringMode.Queued);
        Configure(definition, machine, context);
        return machine;
    }

    /// <summary>
    /// Describes the definition as a Graphviz DOT graph in Stateless's UML style
    /// (<c>UmlDotGraph.Format(machine.GetInfo())</c>): states nested in their superstates, edges labelled with the
    /// trigger and the guard's name and rule, ignored and internal triggers as loops.
    /// </summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <typeparam name="TTrigger">The trigger type.</typeparam>
    /// <typeparam name="TContext">The data guards look at; never evaluated here.</typeparam>
    /// <param name="definition">The workflow.</param>
    /// <returns>The DOT source; its initial state is the definition's, or its first configured state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToDotGraph<TState, TTrigger, TContext>(this WorkflowDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(definition);
        var initial = definition.InitialState ?? definition.States[0];
        return UmlDotGraph.Format(definition.ToStateMachine(initial, static () => default!).GetInfo());
    }

    private static void Configure<TState, TTrigger, TContext>(
        WorkflowDefinition<TState, TTrigger, TContext> definition, StateMachine<TState, TTrigger> machine, Func<TContext> context)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state);
            if (definition.GetSuperstate(state) is { } superstate)
            {
                _ = configuration.SubstateOf(superstate);
            }
        }

        foreach (var cell in definition.Transitions.GroupBy(row => (row.Source, row.Trigger)))
        {
            var configuration = machine.Configure(cell.Key.Source);
            var refusingSubstates = RefusingSubstates(definition, cell.Key.Source, cell.Key.Trigger);
            var earlier = new List<WorkflowGuard<TContext>>();
            foreach (var row in cell.Where(r => r.Kind != TransitionKind.Refused))
            {
                var guard = row.Guard as WorkflowGuard<TContext>;
                var test = Condition(guard, [.. earlier], refusingSubstates, machine, context);
                var description = guard?.ToString() ?? $"not refused in {string.Join(", ", refusingSubstates)}";
                Add(configuration, row, test, description);
                if (guard is not null)
                {
                    earlier.Add(guard);
                }
            }
        }
    }

    /// <summary>
    /// The guard Stateless evaluates for one row, or null when the row is unconditional: the row's own guard, none of
    /// the guards declared before it for the same trigger (the definition takes the first that allows), and not in a
    /// substate that refuses the trigger before inheritance reaches this row.
    /// </summary>
    private static Func<bool>? Condition<TState, TTrigger, TContext>(
        WorkflowGuard<TContext>? guard,
        WorkflowGuard<TContext>[] earlier,
        HashSet<TState> refusingSubstates,
        StateMachine<TState, TTrigger> machine,
        Func<TContext> context)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (guard is null && earlier.Length == 0 && refusingSubstates.Count == 0)
        {
            return null;
        }

        return () =>
        {
            if (refusingSubstates.Count > 0 && refusingSubstates.Contains(machine.State))
            {
                return false;
            }

            var facts = context();
            if (guard is not null && !guard.Allows(in facts))
            {
                return false;
            }

            foreach (var before in earlier)
            {
                if (before.Allows(in facts))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static void Add<TState, TTrigger>(
        StateMachine<TState, TTrigger>.StateConfiguration configuration,
        WorkflowTransitionInfo<TState, TTrigger> row,
        Func<bool>? test,
        string description)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        switch (row.Kind)
        {
            case TransitionKind.Transition:
                _ = test is null ? configuration.Permit(row.Trigger, row.Destination) : configuration.PermitIf(row.Trigger, row.Destination, test, description);
                break;
            case TransitionKind.Reentry:
                _ = test is null ? configuration.PermitReentry(row.Trigger) : configuration.PermitReentryIf(row.Trigger, test, description);
                break;
            case TransitionKind.Internal:
                _ = test is null
                    ? configuration.InternalTransition(row.Trigger, static _ => { })
                    : configuration.InternalTransitionIf(row.Trigger, _ => test(), static _ => { }, description);
                break;
            case TransitionKind.Ignored:
                _ = test is null ? configuration.Ignore(row.Trigger) : configuration.IgnoreIf(row.Trigger, test, description);
                break;
        }
    }

    /// <summary>
    /// The substates of <paramref name="owner"/> in which the definition refuses <paramref name="trigger"/> before
    /// reaching the owner's rows: a <c>Refuse</c> on the substate itself or on a state between it and the owner.
    /// </summary>
    private static HashSet<TState> RefusingSubstates<TState, TTrigger, TContext>(
        WorkflowDefinition<TState, TTrigger, TContext> definition, TState owner, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var refusing = definition.Transitions
            .Where(r => r.Kind == TransitionKind.Refused && EqualityComparer<TTrigger>.Default.Equals(r.Trigger, trigger))
            .Select(r => r.Source)
            .ToHashSet();
        var result = new HashSet<TState>();
        foreach (var state in definition.States)
        {
            for (TState? current = state; current is { } c && !EqualityComparer<TState>.Default.Equals(c, owner); current = definition.GetSuperstate(c))
            {
                if (refusing.Contains(c) && definition.IsInState(state, owner))
                {
                    result.Add(state);
                    break;
                }
            }
        }

        return result;
    }
}
