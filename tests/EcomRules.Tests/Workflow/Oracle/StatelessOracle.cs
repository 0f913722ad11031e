using EcomRules.Workflow;
using Stateless;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// A workflow configured by hand in Stateless, used as an independent oracle for one of our definitions. The machine
/// keeps its state and the guards' context outside (so one machine is configured once and reused for every step);
/// guards read <see cref="Context"/>. What Stateless does on a fire is read back from its own callbacks: an
/// <c>OnTransitioned</c> event is a transition or a re-entry, the internal action marks an internal transition, the
/// unhandled-trigger handler a refusal (with the descriptions of the guards that failed), and nothing at all an ignore.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The data guards look at.</typeparam>
internal sealed class StatelessOracle<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<TState, TTrigger, string?, string> _refusalRule;
    private TState _state;
    private TransitionKind _kind;
    private string? _unmetGuard;
    private bool _noHandler;

    /// <summary>Creates the oracle.</summary>
    /// <param name="refusalRule">
    /// The rule a refusal cites, from the catalogue: given the state, the trigger and the description of the first guard
    /// that failed (null when no handler exists at all).
    /// </param>
    public StatelessOracle(Func<TState, TTrigger, string?, string> refusalRule)
    {
        _refusalRule = refusalRule;
        Machine = new StateMachine<TState, TTrigger>(() => _state, s => _state = s, FiringMode.Immediate);
        Machine.OnTransitioned(t => _kind = t.IsReentry ? TransitionKind.Reentry : TransitionKind.Transition);
        Machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            _kind = TransitionKind.Refused;
            _unmetGuard = unmet?.FirstOrDefault();
            _noHandler = unmet is null || unmet.Count == 0;
        });
    }

    /// <summary>Gets the Stateless machine to configure.</summary>
    public StateMachine<TState, TTrigger> Machine { get; }

    /// <summary>Gets the context the guards see on the current step.</summary>
    public TContext Context { get; private set; } = default!;

    /// <summary>The action of every internal transition: it records that one ran.</summary>
    public void Internal() => _kind = TransitionKind.Internal;

    /// <summary>A Stateless guard over <see cref="Context"/>.</summary>
    public Func<bool> Guard(Func<TContext, bool> predicate) => () => predicate(Context);

    /// <summary>Fires <paramref name="trigger"/> in <paramref name="state"/> with <paramref name="context"/>.</summary>
    public OracleOutcome<TState> Fire(TState state, TTrigger trigger, TContext context)
    {
        _state = state;
        Context = context;
        _kind = TransitionKind.Ignored; // stays so only when no callback ran: Stateless ignored the trigger
        _unmetGuard = null;
        _noHandler = false;
        Machine.Fire(trigger);
        return _kind == TransitionKind.Refused
            ? new OracleOutcome<TState>(_kind, _state, _refusalRule(state, trigger, _noHandler ? null : _unmetGuard))
            : new OracleOutcome<TState>(_kind, _state, null);
    }

    /// <summary>Gets the triggers Stateless permits in <paramref name="state"/> with <paramref name="context"/>, in enum order.</summary>
    public TTrigger[] Permitted(TState state, TContext context)
    {
        _state = state;
        Context = context;
        // The synchronous PermittedTriggers is obsolete in Stateless 5.20; with synchronous guards the task is complete.
        var permitted = Machine.GetPermittedTriggersAsync().GetAwaiter().GetResult();
        return [.. permitted.Distinct().Order()];
    }

    /// <summary>Gets whether Stateless says <paramref name="trigger"/> can fire in <paramref name="state"/> with <paramref name="context"/>.</summary>
    public bool CanFire(TState state, TTrigger trigger, TContext context)
    {
        _state = state;
        Context = context;
        return Machine.CanFire(trigger);
    }
}

/// <summary>What Stateless did on one fire.</summary>
/// <param name="Kind">A transition, a re-entry, an internal transition, an ignore, or a refusal.</param>
/// <param name="State">The state after the fire.</param>
/// <param name="RuleId">The rule a refusal cites; null when accepted.</param>
internal readonly record struct OracleOutcome<TState>(TransitionKind Kind, TState State, string? RuleId)
    where TState : struct, Enum;
