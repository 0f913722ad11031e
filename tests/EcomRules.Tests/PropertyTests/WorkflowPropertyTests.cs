using System.Text;
using EcomRules.Workflow;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// Random valid workflow definitions (8 states, 6 triggers, 8 bit guards, an acyclic substate forest) checked against a
/// naive interpreter that walks the declared rows of a state and then of each ancestor at every fire.
/// </summary>
[Trait("Area", "Workflow")]
[Properties(Arbitrary = [typeof(WorkflowPropertyTests)], MaxTest = 500)]
public sealed class WorkflowPropertyTests
{
    private const int GuardCount = 8;

    private static readonly RuleId Unhandled = new("ORD-1");

    private static readonly RuleId[] RefuseRules = [default, new("ORD-2"), new("RET-3")];

    private static readonly WorkflowGuard<int>[] Guards = [.. Enumerable.Range(0, GuardCount).Select(bit =>
        new WorkflowGuard<int>($"G{bit}", bit % 3 == 0 ? default : new RuleId($"GRD-{bit}"), $"Bit {bit} is clear.", (in int mask) => (mask & (1 << bit)) != 0))];

    private static readonly PState[] AllStates = Enum.GetValues<PState>();

    private static readonly PTrigger[] AllTriggers = Enum.GetValues<PTrigger>();

    private static readonly Gen<int> Masks = Gen.Choose(0, (1 << GuardCount) - 1);

    /// <summary>Defined states plus one undefined value on each side.</summary>
    private static readonly Gen<PState> AnyState = Gen.Choose(-1, AllStates.Length).Select(v => (PState)v);

    private static readonly Gen<Spec> Specs =
        from configuredMask in Gen.Choose(1, (1 << AllStates.Length) - 1)
        let configured = AllStates.Where(s => (configuredMask & (1 << (int)s)) != 0).ToArray()
        from parents in Gen.CollectToArray(configured.Select((_, i) => ParentFor(configured[..i])))
        from rows in Gen.CollectToArray(configured.Select(s => RowsFor(s, configured)))
        from unhandled in Gen.Elements(true, false)
        from initial in Gen.Elements(configured.Select(s => (PState?)s).Append(null))
        select new Spec([.. configured.Select((s, i) => new StateSpec(s, parents[i], rows[i]))], unhandled, initial);

    public enum PState
    {
        S0,
        S1,
        S2,
        S3,
        S4,
        S5,
        S6,
        S7,
    }

    public enum PTrigger
    {
        T0,
        T1,
        T2,
        T3,
        T4,
        T5,
    }

    [Property]
    public void GeneratedDefinitions_AreValidAndVaried_Property(Spec spec)
    {
        var definition = spec.Build();
        Assert.Equal(spec.States.Select(s => s.State).OrderBy(s => s), definition.States.OrderBy(s => s));
        Assert.Equal(spec.States.Sum(s => s.Rows.Length), definition.Transitions.Count);
        Assert.All(spec.States, s => Assert.Equal(s.Parent, definition.GetSuperstate(s.State)));
        Assert.Equal(spec.Initial, definition.InitialState);
    }

    [Property]
    public void Firing_MatchesTheNaiveInterpreter_AndRefusalsNeverMove_Property(Walk walk)
        => Run(walk, (_, current, trigger, mask, result) =>
        {
            Assert.Equal(walk.Spec.Reference(current, trigger, mask), Outcome.Of(result));
            Assert.Equal(current, result.Source);
            Assert.Equal(trigger, result.Trigger);
            if (result.IsRefused)
            {
                Assert.Equal(current, result.Destination);
            }
        });

    [Property]
    public void Fire_ThrowsExactlyWhenTryFireRefuses_Property(Probe probe)
    {
        var (spec, state, trigger, mask) = probe;
        var definition = spec.Build();
        var tried = definition.TryFire(state, trigger, mask);
        WorkflowRefusedException? thrown = null;
        try
        {
            Assert.Equal(Outcome.Of(tried), Outcome.Of(definition.Fire(state, trigger, mask)));
        }
        catch (WorkflowRefusedException ex)
        {
            thrown = ex;
        }

        Assert.Equal(tried.IsRefused, thrown is not null);
        if (thrown is not null)
        {
            var refusal = tried.Refusal;
            Assert.Equal((refusal.Kind, refusal.GuardName, refusal.RuleId, refusal.Reason), (thrown.Kind, thrown.GuardName, thrown.RuleId, thrown.Message));
            Assert.Equal((Enum)state, thrown.State);
            Assert.Equal((Enum)trigger, thrown.Trigger);
        }
    }

    [Property]
    public void PermittedTriggers_AreExactlyTheAcceptedOnes_Property(Probe probe)
    {
        var (spec, state, _, mask) = probe;
        var definition = spec.Build();
        var accepted = AllTriggers.Where(t => definition.TryFire(state, t, mask).IsAccepted).ToArray();

        Assert.Equal(accepted, definition.GetPermittedTriggers(state, mask));
        Span<PTrigger> buffer = stackalloc PTrigger[definition.MaxTriggerCount];
        Assert.Equal(accepted, buffer[..definition.GetPermittedTriggers(state, mask, buffer)].ToArray());
        Assert.Equal(accepted, AllTriggers.Where(t => definition.CanFire(state, t, mask)));
        Assert.Equal(AllTriggers.Where(t => spec.IsConfigured(state, t)), definition.GetConfiguredTriggers(state));
        Assert.Equal(definition.ToMermaid(), spec.Build().ToMermaid());
    }

    [Property]
    [Trait("Rule", "ORD-1")]
    public void StateOnlyMovesAlongTheTable_Property(Walk walk)
        => Run(walk, (definition, current, trigger, _, result) =>
        {
            if (result.Destination != current)
            {
                Assert.Contains(definition.Transitions, row => row.Trigger == trigger && row.Destination == result.Destination
                    && row.Kind is TransitionKind.Transition or TransitionKind.Reentry && definition.IsInState(current, row.Source));
            }
        });

    /// <summary>Random valid definitions; shrinking drops states and rows, parents, the initial state and the unhandled rule.</summary>
    public static Arbitrary<Spec> SpecArbitrary() => Arb.From(Specs, ShrinkSpec);

    /// <summary>Walks of 1 to 30 steps; shrinking simplifies the definition, drops steps and clears guard bits.</summary>
    public static Arbitrary<Walk> WalkArbitrary() => Arb.From(
        Walks(),
        walk => ShrinkSpec(walk.Spec).Select(s => walk with { Spec = s })
            .Concat(Shrinks.Array(walk.Steps, ShrinkStep, minLength: 1).Select(steps => walk with { Steps = steps })));

    /// <summary>Single fires; shrinking simplifies the definition, then the state, trigger and guard bits.</summary>
    public static Arbitrary<Probe> ProbeArbitrary() => Arb.From(
        Probes(),
        probe => ShrinkSpec(probe.Spec).Select(s => probe with { Spec = s })
            .Concat(Shrinks.Int((int)probe.State, -1, AllStates.Length).Select(v => probe with { State = (PState)v }))
            .Concat(Shrinks.Int((int)probe.Trigger, -1, AllTriggers.Length).Select(v => probe with { Trigger = (PTrigger)v }))
            .Concat(Shrinks.Int(probe.Mask, 0, (1 << GuardCount) - 1).Select(m => probe with { Mask = m })));

    private static IEnumerable<(PTrigger Trigger, int Mask)> ShrinkStep((PTrigger Trigger, int Mask) step)
        => Shrinks.Towards(step.Trigger, AllTriggers).Select(t => step with { Trigger = t })
            .Concat(Shrinks.Int(step.Mask, 0, (1 << GuardCount) - 1).Select(m => step with { Mask = m }));

    /// <summary>Smaller specs that are still valid: a state dropped (with the rows that lead to it), a row dropped, a parent, the initial state or the unhandled rule cleared.</summary>
    private static IEnumerable<Spec> ShrinkSpec(Spec spec)
    {
        if (spec.States.Length > 1)
        {
            foreach (var gone in spec.States.Select(s => s.State))
            {
                yield return spec with
                {
                    States = [.. spec.States.Where(s => s.State != gone).Select(s => s with
                    {
                        Parent = s.Parent == gone ? null : s.Parent,
                        Rows = [.. s.Rows.Where(r => r.Destination != gone)],
                    })],
                    Initial = spec.Initial == gone ? null : spec.Initial,
                };
            }
        }

        for (var i = 0; i < spec.States.Length; i++)
        {
            var state = spec.States[i];
            foreach (var rows in Shrinks.Array(state.Rows).Where(r => r.Length == state.Rows.Length - 1))
            {
                yield return spec with { States = [.. spec.States.Select((s, j) => j == i ? s with { Rows = rows } : s)] };
            }

            if (state.Parent is not null)
            {
                yield return spec with { States = [.. spec.States.Select((s, j) => j == i ? s with { Parent = null } : s)] };
            }
        }

        if (spec.Initial is not null)
        {
            yield return spec with { Initial = null };
        }

        if (spec.HasUnhandledRule)
        {
            yield return spec with { HasUnhandledRule = false };
        }
    }

    /// <summary>Fires every step of a walk from its start, checking each outcome, and moves to each destination.</summary>
    private static void Run(
        Walk walk,
        Action<WorkflowDefinition<PState, PTrigger, int>, PState, PTrigger, int, FireResult<PState, PTrigger>> check)
    {
        var definition = walk.Spec.Build();
        var current = walk.Start;
        foreach (var (trigger, mask) in walk.Steps)
        {
            var result = definition.TryFire(current, trigger, mask);
            check(definition, current, trigger, mask, result);
            current = result.Destination;
        }
    }

    private static Gen<Walk> Walks()
        => from spec in Specs
           from start in Gen.OneOf(Gen.Elements(spec.States.Select(s => s.State).ToArray()), AnyState)
           from length in Gen.Choose(1, 30)
           from steps in Gen.ArrayOf(Gen.Zip(Gen.Elements(AllTriggers), Masks), length)
           select new Walk(spec, start, steps);

    private static Gen<Probe> Probes()
        => from spec in Specs
           from state in Gen.OneOf(Gen.Elements(spec.States.Select(s => s.State).ToArray()), AnyState)
           from trigger in Gen.Choose(-1, AllTriggers.Length).Select(v => (PTrigger)v)
           from mask in Masks
           select new Probe(spec, state, trigger, mask);

    private static Gen<PState?> ParentFor(PState[] earlier)
        => earlier.Length == 0
            ? Gen.Constant<PState?>(null)
            : Gen.Frequency((1, Gen.Constant<PState?>(null)), (1, Gen.Elements(earlier).Select(p => (PState?)p)));

    /// <summary>The rows of one state: per trigger nothing, one unguarded row, or 1-3 rows with distinct guards; interleaved.</summary>
    private static Gen<Row[]> RowsFor(PState state, PState[] configured)
    {
        var others = configured.Where(s => s != state).ToArray();
        var destinations = others.Length == 0 ? Gen.Constant(state) : Gen.Elements(others);

        Row Make(PTrigger trigger, TransitionKind kind, PState destination, int guard)
            => kind == TransitionKind.Transition && destination != state
                ? new Row(trigger, kind, destination, guard)
                : new Row(trigger, kind == TransitionKind.Transition ? TransitionKind.Reentry : kind, state, guard);

        Gen<Row[]> CellFor(PTrigger trigger)
            => Gen.Frequency(
                (4, Gen.Constant(Array.Empty<Row>())),
                (3, from kind in Gen.Elements(TransitionKind.Transition, TransitionKind.Reentry, TransitionKind.Internal, TransitionKind.Ignored, TransitionKind.Refused)
                    from destination in destinations
                    from rule in Gen.Choose(0, RefuseRules.Length - 1)
                    select new[] { Make(trigger, kind, destination, kind == TransitionKind.Refused ? rule : -1) }),
                (3, from count in Gen.Choose(1, 3)
                    from guards in Gen.Shuffle(Enumerable.Range(0, GuardCount).ToArray())
                    from kinds in Gen.ArrayOf(Gen.Elements(TransitionKind.Transition, TransitionKind.Reentry, TransitionKind.Internal), count)
                    from targets in Gen.ArrayOf(destinations, count)
                    select kinds.Select((kind, i) => Make(trigger, kind, targets[i], guards[i])).ToArray()));

        return from cells in Gen.CollectToArray(AllTriggers.Select(CellFor))
               from rows in Gen.Shuffle(cells.SelectMany(c => c).ToArray())
               select RestoreTriggerOrder(rows, cells);
    }

    /// <summary>Interleaves triggers freely but keeps each trigger's rows in their generated (priority) order.</summary>
    private static Row[] RestoreTriggerOrder(Row[] shuffled, Row[][] cells)
    {
        var queues = cells.Where(c => c.Length > 0).ToDictionary(c => c[0].Trigger, c => new Queue<Row>(c));
        return [.. shuffled.Select(r => queues[r.Trigger].Dequeue())];
    }

    /// <summary>One declared row; <see cref="Guard"/> is a guard index, or for a refusal an index into the refusal rules.</summary>
    public sealed record Row(PTrigger Trigger, TransitionKind Kind, PState Destination, int Guard);

    /// <summary>A configured state: its parent and its rows in declaration order.</summary>
    public sealed record StateSpec(PState State, PState? Parent, Row[] Rows);

    /// <summary>A walk: a definition, a start state (possibly undefined) and the triggers fired with their guard bits.</summary>
    public sealed record Walk(Spec Spec, PState Start, (PTrigger Trigger, int Mask)[] Steps)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Spec}start {Start}: {string.Join(", ", Steps.Select(s => $"{s.Trigger}/{s.Mask}"))}";
    }

    /// <summary>One fire of a trigger in a state (either possibly undefined) with guard bits.</summary>
    public sealed record Probe(Spec Spec, PState State, PTrigger Trigger, int Mask)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Spec}{State} {Trigger}/{Mask}";
    }

    /// <summary>What firing did, in comparable form.</summary>
    internal readonly record struct Outcome(TransitionKind Kind, PState Destination, RefusalKind? Refusal, string? GuardName, RuleId RuleId)
    {
        public static Outcome Of(FireResult<PState, PTrigger> result)
            => result.IsRefused
                ? new(result.Kind, result.Destination, result.Refusal.Kind, result.Refusal.GuardName, result.Refusal.RuleId)
                : new(result.Kind, result.Destination, null, null, default);
    }

    /// <summary>A definition to build: the configured states, whether unhandled triggers cite a rule, the initial state.</summary>
    public sealed record Spec(StateSpec[] States, bool HasUnhandledRule, PState? Initial)
    {
        public WorkflowDefinition<PState, PTrigger, int> Build()
        {
            var builder = new WorkflowBuilder<PState, PTrigger, int>("random");
            if (HasUnhandledRule)
            {
                builder.OnUnhandledTrigger(Unhandled, "Not in the table.");
            }

            if (Initial is { } initial)
            {
                builder.StartAt(initial);
            }

            foreach (var spec in States)
            {
                var state = builder.Configure(spec.State);
                if (spec.Parent is { } parent)
                {
                    state.SubstateOf(parent);
                }

                foreach (var row in spec.Rows)
                {
                    _ = (row.Kind, row.Guard) switch
                    {
                        (TransitionKind.Refused, var rule) => state.Refuse(row.Trigger, RefuseRules[rule], "Refused on purpose."),
                        (TransitionKind.Ignored, _) => state.Ignore(row.Trigger),
                        (TransitionKind.Transition, < 0) => state.Permit(row.Trigger, row.Destination),
                        (TransitionKind.Transition, var g) => state.PermitIf(row.Trigger, row.Destination, Guards[g]),
                        (TransitionKind.Reentry, < 0) => state.PermitReentry(row.Trigger),
                        (TransitionKind.Reentry, var g) => state.PermitReentryIf(row.Trigger, Guards[g]),
                        (TransitionKind.Internal, < 0) => state.InternalTransition(row.Trigger),
                        (TransitionKind.Internal, var g) => state.InternalTransitionIf(row.Trigger, Guards[g]),
                        _ => throw new InvalidOperationException($"Unexpected row {row}."),
                    };
                }
            }

            return builder.Build();
        }

        /// <summary>The naive interpreter: the state's rows, then each ancestor's, in declaration order, every time.</summary>
        internal Outcome Reference(PState state, PTrigger trigger, int mask)
        {
            WorkflowGuard<int>? firstGuard = null;
            for (var owner = Find(state); owner is not null; owner = owner.Parent is { } p ? Find(p) : null)
            {
                foreach (var row in owner.Rows.Where(r => r.Trigger == trigger))
                {
                    if (row.Kind == TransitionKind.Refused)
                    {
                        var rule = RefuseRules[row.Guard];
                        return new(TransitionKind.Refused, state, RefusalKind.Forbidden, rule.IsEmpty ? "Refuse" : rule.Value, rule);
                    }

                    if (row.Guard < 0 || Guards[row.Guard].Allows(mask))
                    {
                        var destination = row.Kind switch
                        {
                            TransitionKind.Transition => row.Destination,
                            TransitionKind.Reentry => owner.State,
                            _ => state,
                        };
                        return new(row.Kind, destination, null, null, default);
                    }

                    firstGuard ??= Guards[row.Guard];
                }
            }

            return firstGuard is not null
                ? new(TransitionKind.Refused, state, RefusalKind.GuardFailed, firstGuard.Name, firstGuard.RuleId)
                : new(TransitionKind.Refused, state, RefusalKind.NotPermitted, null, HasUnhandledRule ? Unhandled : default);
        }

        /// <summary>Whether the first row the walk meets for the trigger exists and is not a refusal.</summary>
        public bool IsConfigured(PState state, PTrigger trigger)
        {
            for (var owner = Find(state); owner is not null; owner = owner.Parent is { } p ? Find(p) : null)
            {
                if (owner.Rows.FirstOrDefault(r => r.Trigger == trigger) is { } row)
                {
                    return row.Kind != TransitionKind.Refused;
                }
            }

            return false;
        }

        public override string ToString()
        {
            var sb = new StringBuilder($"unhandled rule: {HasUnhandledRule}, initial: {Initial}\n");
            foreach (var state in States)
            {
                sb.Append(state.State).Append(state.Parent is { } p ? $" ⊂ {p}" : string.Empty).Append(':');
                foreach (var row in state.Rows)
                {
                    sb.Append(' ').Append(row.Trigger).Append(' ').Append(row.Kind).Append(' ').Append(row.Destination)
                        .Append(row.Guard < 0 ? string.Empty : row.Kind == TransitionKind.Refused ? $" rule {row.Guard}" : $" [G{row.Guard}]").Append(';');
                }

                sb.Append('\n');
            }

            return sb.ToString();
        }

        private StateSpec? Find(PState state) => Array.Find(States, s => s.State == state);
    }
}
