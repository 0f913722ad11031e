using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace EcomRules.Workflow;

/// <summary>
/// An immutable, validated state machine: a transition table built once by
/// <see cref="WorkflowBuilder{TState, TTrigger, TContext}"/> and shared by every instance (an instance is only its
/// current state). Firing is a pure lookup, <c>(state, trigger, in context) → transition or refusal</c>, that
/// allocates nothing. Thread-safe.
/// </summary>
/// <remarks>
/// Inheritance is resolved when the definition is built: a substate's row already holds its superstates' triggers,
/// so firing never walks the hierarchy. A trigger with several guarded transitions takes the first whose guard
/// allows it, in declaration order, the state's own before its superstates'; when none allows it the refusal names
/// the first guard that refused.
/// </remarks>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The data guards look at.</typeparam>
public sealed class WorkflowDefinition<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private const byte ModeNone = 0;
    private const byte ModeDirect = 1;
    private const byte ModeForbidden = 2;
    private const byte ModeGuarded = 3;

    private readonly long _stateMin;
    private readonly long _triggerMin;
    private readonly int _stateSpan;
    private readonly int _triggerSpan;
    private readonly Cell[] _cells;
    private readonly GuardedEntry[] _guarded;
    private readonly TTrigger[] _triggerValues;
    private readonly WorkflowRule? _unhandled;
    private readonly Dictionary<TState, TState> _parents;
    private readonly TState[] _states;
    private readonly WorkflowTransitionInfo<TState, TTrigger>[] _table;

    internal WorkflowDefinition(
        string name,
        IReadOnlyList<TState> order,
        IReadOnlyDictionary<TState, StateConfiguration<TState, TTrigger, TContext>> states,
        Dictionary<TState, TState> parents,
        TState? initial,
        WorkflowRule? unhandled)
    {
        Name = name;
        InitialState = initial;
        _unhandled = unhandled;
        _parents = parents;
        _states = [.. order];
        _table = [.. order.SelectMany(s => states[s].Entries.Select(e =>
            new WorkflowTransitionInfo<TState, TTrigger>(s, e.Trigger, e.Destination, e.Kind, e.Guard)))];

        (_stateMin, _stateSpan) = Span(Enum.GetValues<TState>().Select(EnumIndex<TState>.ToInt64).Concat(order.Select(EnumIndex<TState>.ToInt64)), typeof(TState));
        (_triggerMin, _triggerSpan) = Span(Enum.GetValues<TTrigger>().Select(EnumIndex<TTrigger>.ToInt64).Concat(_table.Select(r => EnumIndex<TTrigger>.ToInt64(r.Trigger))), typeof(TTrigger));

        _triggerValues = new TTrigger[_triggerSpan];
        foreach (var trigger in Enum.GetValues<TTrigger>().Concat(_table.Select(r => r.Trigger)))
        {
            _triggerValues[TriggerIndex(trigger)] = trigger;
        }

        _cells = new Cell[_stateSpan * _triggerSpan];
        var guarded = new List<GuardedEntry>();
        foreach (var state in order)
        {
            // Own entries first, then each ancestor's: this is the inheritance order, resolved once here.
            var lineage = new List<TState> { state };
            for (var current = state; parents.TryGetValue(current, out var parent); current = parent)
            {
                lineage.Add(parent);
            }

            var byTrigger = lineage.SelectMany(s => states[s].Entries.Select(e => (Owner: s, Entry: e)))
                .GroupBy(x => x.Entry.Trigger);
            foreach (var group in byTrigger)
            {
                _cells[CellIndex(state, group.Key)] = MakeCell(state, group.Select(x => Resolve(state, x.Owner, x.Entry)).ToArray(), guarded);
            }
        }

        _guarded = [.. guarded];
    }

    /// <summary>Gets the workflow's name.</summary>
    public string Name { get; }

    /// <summary>Gets the state new instances start in, if one was declared.</summary>
    public TState? InitialState { get; }

    /// <summary>Gets every configured state, in the order it was first configured.</summary>
    public IReadOnlyList<TState> States => _states;

    /// <summary>Gets the configured rows, as declared (inherited rows are not repeated).</summary>
    public IReadOnlyList<WorkflowTransitionInfo<TState, TTrigger>> Transitions => _table;

    /// <summary>Fires <paramref name="trigger"/> in <paramref name="state"/>: a transition, or a refusal. Never throws, never allocates.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The data guards look at.</param>
    /// <returns>The outcome.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FireResult<TState, TTrigger> TryFire(TState state, TTrigger trigger, in TContext context)
    {
        var s = (ulong)(EnumIndex<TState>.ToInt64(state) - _stateMin);
        var t = (ulong)(EnumIndex<TTrigger>.ToInt64(trigger) - _triggerMin);
        if (s < (ulong)_stateSpan && t < (ulong)_triggerSpan)
        {
            ref readonly var cell = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cells), (nint)((s * (ulong)_triggerSpan) + t));
            switch (cell.Mode)
            {
                case ModeDirect:
                    return new FireResult<TState, TTrigger>(state, trigger, cell.Destination, cell.Kind);
                case ModeGuarded:
                    return FireGuarded(cell.Start, cell.Count, state, trigger, in context);
                case ModeForbidden:
                    return new FireResult<TState, TTrigger>(state, trigger, RefusalKind.Forbidden, cell.Rule);
            }
        }

        return new FireResult<TState, TTrigger>(state, trigger, RefusalKind.NotPermitted, _unhandled);
    }

    /// <summary>Fires <paramref name="trigger"/> in <paramref name="state"/> and throws if it is refused.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The data guards look at.</param>
    /// <returns>The accepted outcome.</returns>
    /// <exception cref="WorkflowRefusedException">The trigger was refused; the exception names the state, the trigger, the guard and the rule.</exception>
    public FireResult<TState, TTrigger> Fire(TState state, TTrigger trigger, in TContext context)
    {
        var result = TryFire(state, trigger, in context);
        if (result.IsRefused)
        {
            ThrowRefused(result);
        }

        return result;
    }

    /// <summary>Gets whether <paramref name="trigger"/> would be accepted in <paramref name="state"/>.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">The data guards look at.</param>
    /// <returns>Whether firing would be accepted.</returns>
    public bool CanFire(TState state, TTrigger trigger, in TContext context) => TryFire(state, trigger, in context).IsAccepted;

    /// <summary>
    /// Writes the triggers that would be accepted in <paramref name="state"/> with <paramref name="context"/> (guards
    /// applied; ignores and internal transitions included) and returns how many. Allocates nothing.
    /// </summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">The data guards look at.</param>
    /// <param name="destination">Where to write; <see cref="MaxTriggerCount"/> elements always suffice.</param>
    /// <returns>The number of triggers written, in the trigger enum's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public int GetPermittedTriggers(TState state, in TContext context, Span<TTrigger> destination)
    {
        var s = (ulong)(EnumIndex<TState>.ToInt64(state) - _stateMin);
        if (s >= (ulong)_stateSpan)
        {
            return 0;
        }

        var count = 0;
        var row = _cells.AsSpan((int)s * _triggerSpan, _triggerSpan);
        for (var t = 0; t < row.Length; t++)
        {
            ref readonly var cell = ref row[t];
            if (cell.Mode == ModeDirect || (cell.Mode == ModeGuarded && FireGuarded(cell.Start, cell.Count, state, _triggerValues[t], in context).IsAccepted))
            {
                if (count == destination.Length)
                {
                    throw new ArgumentException($"The span is too small; {MaxTriggerCount} elements always suffice.", nameof(destination));
                }

                destination[count++] = _triggerValues[t];
            }
        }

        return count;
    }

    /// <summary>Gets the triggers that would be accepted in <paramref name="state"/> with <paramref name="context"/>.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="context">The data guards look at.</param>
    /// <returns>The triggers, in the trigger enum's order.</returns>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(TState state, in TContext context)
    {
        var buffer = new TTrigger[_triggerSpan];
        var count = GetPermittedTriggers(state, in context, buffer);
        return buffer.AsSpan(0, count).ToArray();
    }

    /// <summary>Gets the triggers configured for <paramref name="state"/> (own and inherited), whatever their guards say.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The triggers, in the trigger enum's order; refused triggers are not included.</returns>
    public IReadOnlyList<TTrigger> GetConfiguredTriggers(TState state)
    {
        var s = (ulong)(EnumIndex<TState>.ToInt64(state) - _stateMin);
        if (s >= (ulong)_stateSpan)
        {
            return [];
        }

        var row = _cells.AsSpan((int)s * _triggerSpan, _triggerSpan);
        var result = new List<TTrigger>();
        for (var t = 0; t < row.Length; t++)
        {
            if (row[t].Mode is ModeDirect or ModeGuarded)
            {
                result.Add(_triggerValues[t]);
            }
        }

        return result;
    }

    /// <summary>Gets the largest number of triggers any state can permit: a span of this size always suffices.</summary>
    public int MaxTriggerCount => _triggerSpan;

    /// <summary>Gets the superstate of <paramref name="state"/>, or null.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The superstate, or null when it has none.</returns>
    public TState? GetSuperstate(TState state) => _parents.TryGetValue(state, out var parent) ? parent : null;

    /// <summary>Gets whether <paramref name="state"/> is <paramref name="stateOrSuperstate"/> or one of its substates.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="stateOrSuperstate">The state to test for.</param>
    /// <returns>Whether the current state is in it.</returns>
    public bool IsInState(TState state, TState stateOrSuperstate)
    {
        for (TState? current = state; current is { } c; current = GetSuperstate(c))
        {
            if (EqualityComparer<TState>.Default.Equals(c, stateOrSuperstate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Describes the workflow as a Mermaid <c>stateDiagram-v2</c>: substates nested in their superstates, transitions
    /// labelled with their trigger and guard, internal transitions marked, ignores and refusals left out.
    /// The output is deterministic, so documentation generated from it can be checked for drift.
    /// </summary>
    /// <returns>The diagram source.</returns>
    public string ToMermaid()
    {
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        if (InitialState is { } initial)
        {
            sb.Append("    [*] --> ").Append(initial).Append('\n');
        }

        foreach (var root in _states.Where(s => !_parents.ContainsKey(s) && _parents.ContainsValue(s)))
        {
            AppendComposite(sb, root, 1);
        }

        foreach (var row in _table)
        {
            var label = row.Kind == TransitionKind.Internal ? $"{row.Trigger} (internal)" : row.Trigger.ToString();
            switch (row.Kind)
            {
                case TransitionKind.Transition or TransitionKind.Reentry or TransitionKind.Internal:
                    sb.Append("    ").Append(row.Source).Append(" --> ").Append(row.Destination).Append(" : ").Append(label);
                    if (row.Guard is not null)
                    {
                        sb.Append(" [").Append(row.Guard.Name).Append(']');
                    }

                    sb.Append('\n');
                    break;
            }
        }

        foreach (var state in _states.Where(IsFinal))
        {
            sb.Append("    ").Append(state).Append(" --> [*]\n");
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"Workflow '{Name}' ({_states.Length} states, {_table.Length} rows)";

    private static void ThrowRefused(FireResult<TState, TTrigger> result) => throw result.Refusal.ToException();

    private static (long Min, int Span) Span(IEnumerable<long> values, Type enumType)
    {
        var all = values.DefaultIfEmpty(0).ToArray();
        var min = all.Min();
        // Unsigned, because max - min overflows a long when the values straddle most of its range.
        var distance = unchecked((ulong)(all.Max() - min));
        if (distance >= WorkflowBuilder<TState, TTrigger, TContext>.MaxEnumSpan)
        {
            throw new WorkflowDefinitionException(enumType.Name, [$"The values of {enumType.Name} span {(UInt128)distance + 1}; at most {WorkflowBuilder<TState, TTrigger, TContext>.MaxEnumSpan} are supported."]);
        }

        return (min, (int)distance + 1);
    }

    private int StateIndex(TState state) => (int)(EnumIndex<TState>.ToInt64(state) - _stateMin);

    private int TriggerIndex(TTrigger trigger) => (int)(EnumIndex<TTrigger>.ToInt64(trigger) - _triggerMin);

    private int CellIndex(TState state, TTrigger trigger) => (StateIndex(state) * _triggerSpan) + TriggerIndex(trigger);

    private static GuardedEntry Resolve(TState state, TState owner, StateConfiguration<TState, TTrigger, TContext>.Entry entry)
    {
        // An inherited internal transition or ignore stays in the current (sub)state; a re-entry re-enters its owner.
        var destination = entry.Kind is TransitionKind.Internal or TransitionKind.Ignored or TransitionKind.Refused ? state : entry.Destination;
        return new GuardedEntry(entry.Kind == TransitionKind.Refused ? null : entry.Guard as WorkflowGuard<TContext>, entry.Kind == TransitionKind.Refused ? entry.Guard : null, destination, entry.Kind);
    }

    private static Cell MakeCell(TState state, GuardedEntry[] entries, List<GuardedEntry> guarded)
    {
        var first = entries[0];
        if (first.Guard is null)
        {
            return first.Kind == TransitionKind.Refused
                ? new Cell(ModeForbidden, first.Kind, state, 0, 0, first.Forbid)
                : new Cell(ModeDirect, first.Kind, first.Destination, 0, 0, null);
        }

        // Guarded: keep entries up to and including the first unconditional one; later ones are unreachable.
        var start = guarded.Count;
        foreach (var entry in entries)
        {
            guarded.Add(entry);
            if (entry.Guard is null)
            {
                break;
            }
        }

        return new Cell(ModeGuarded, TransitionKind.Refused, state, start, guarded.Count - start, null);
    }

    private FireResult<TState, TTrigger> FireGuarded(int start, int count, TState state, TTrigger trigger, in TContext context)
    {
        var entries = _guarded.AsSpan(start, count);
        for (var i = 0; i < entries.Length; i++)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Guard is null)
            {
                return entry.Kind == TransitionKind.Refused
                    ? new FireResult<TState, TTrigger>(state, trigger, RefusalKind.Forbidden, entry.Forbid)
                    : new FireResult<TState, TTrigger>(state, trigger, entry.Destination, entry.Kind);
            }

            if (entry.Guard.Allows(in context))
            {
                return new FireResult<TState, TTrigger>(state, trigger, entry.Destination, entry.Kind);
            }
        }

        return new FireResult<TState, TTrigger>(state, trigger, RefusalKind.GuardFailed, entries[0].Guard);
    }

    private bool IsFinal(TState state)
    {
        for (TState? current = state; current is { } c; current = GetSuperstate(c))
        {
            if (_table.Any(r => EqualityComparer<TState>.Default.Equals(r.Source, c) && r.Kind is TransitionKind.Transition or TransitionKind.Reentry))
            {
                return false;
            }
        }

        return !_parents.ContainsValue(state);
    }

    private void AppendComposite(StringBuilder sb, TState state, int depth)
    {
        var indent = new string(' ', depth * 4);
        sb.Append(indent).Append("state ").Append(state).Append(" {\n");
        foreach (var child in _states.Where(s => _parents.TryGetValue(s, out var p) && EqualityComparer<TState>.Default.Equals(p, state)))
        {
            if (_parents.ContainsValue(child))
            {
                AppendComposite(sb, child, depth + 1);
            }
            else
            {
                sb.Append(indent).Append("    ").Append(child).Append('\n');
            }
        }

        sb.Append(indent).Append("}\n");
    }

    private readonly record struct Cell(byte Mode, TransitionKind Kind, TState Destination, int Start, int Count, WorkflowRule? Rule);

    private readonly record struct GuardedEntry(WorkflowGuard<TContext>? Guard, WorkflowRule? Forbid, TState Destination, TransitionKind Kind);
}
