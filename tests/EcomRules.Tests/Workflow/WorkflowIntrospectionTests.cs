using EcomRules.Workflow;

namespace EcomRules.Tests.Workflow;

[Trait("Area", "Workflow")]
public sealed class WorkflowIntrospectionTests
{
    private static readonly WorkflowDefinition<Phase, Signal, Facts> Nested = TestWorkflows.Nested;

    public static TheoryData<Phase, int, Signal[]> PermittedCases => new()
    {
        { Phase.Draft, Facts.None.Flags, [Signal.Submit] },
        { Phase.Draft, Facts.Of(0).Flags, [Signal.Submit, Signal.Start] },
        { Phase.Draft, Facts.Of(1).Flags, [Signal.Submit, Signal.Start] },
        { Phase.Busy, Facts.None.Flags, [Signal.Pause, Signal.Resume, Signal.Poll, Signal.Cancel] },
        { Phase.Busy, Facts.Of(2).Flags, [Signal.Pause, Signal.Resume, Signal.Finish, Signal.Poll, Signal.Cancel] },
        { Phase.Waiting, Facts.None.Flags, [Signal.Resume, Signal.Touch, Signal.Poll, Signal.Cancel] },
        { Phase.Waiting, Facts.All.Flags, [Signal.Submit, Signal.Start, Signal.Resume, Signal.Finish, Signal.Touch, Signal.Poll, Signal.Cancel] },
        { Phase.Done, Facts.All.Flags, [] },
        { Phase.Archived, Facts.All.Flags, [] },
        { (Phase)99, Facts.All.Flags, [] },
        { (Phase)(-1), Facts.All.Flags, [] },
    };

    [Theory]
    [MemberData(nameof(PermittedCases))]
    public void GetPermittedTriggers_AppliesGuardsInheritanceAndRefusals(Phase state, int flags, Signal[] expected)
    {
        var facts = new Facts(flags);

        Assert.Equal(expected, Nested.GetPermittedTriggers(state, facts));

        Span<Signal> buffer = stackalloc Signal[Nested.MaxTriggerCount];
        var count = Nested.GetPermittedTriggers(state, facts, buffer);
        Assert.Equal(expected, buffer[..count].ToArray());
        Assert.All(Enum.GetValues<Signal>(), t => Assert.Equal(expected.Contains(t), Nested.CanFire(state, t, facts)));
    }

    [Fact]
    public void GetPermittedTriggers_SpanTooSmall_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Nested.GetPermittedTriggers(Phase.Waiting, Facts.All, new Signal[6]));

        Assert.Equal("destination", ex.ParamName);
        Assert.Contains($"{Nested.MaxTriggerCount} elements always suffice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPermittedTriggers_ExactlySizedOrEmptySpan_IsEnough()
    {
        Assert.Equal(7, Nested.GetPermittedTriggers(Phase.Waiting, Facts.All, new Signal[7]));
        Assert.Equal(0, Nested.GetPermittedTriggers(Phase.Done, Facts.All, []));
        Assert.Equal(Enum.GetValues<Signal>().Length, Nested.MaxTriggerCount);
    }

    [Fact]
    public void GetConfiguredTriggers_IgnoresGuardsAndLeavesOutRefusals()
    {
        Assert.Equal([Signal.Submit, Signal.Start], Nested.GetConfiguredTriggers(Phase.Draft));
        Assert.Equal([Signal.Pause, Signal.Resume, Signal.Finish, Signal.Poll, Signal.Cancel], Nested.GetConfiguredTriggers(Phase.Busy));
        Assert.Empty(Nested.GetConfiguredTriggers(Phase.Done));
        Assert.Empty(Nested.GetConfiguredTriggers((Phase)99));
    }

    [Fact]
    public void Transitions_ListTheDeclaredRowsOnly()
    {
        var busy = Nested.Transitions.Where(r => r.Source == Phase.Busy).ToArray();

        Assert.Equal(15, Nested.Transitions.Count);
        Assert.Equal(
            [
                new(Phase.Busy, Signal.Pause, Phase.Waiting, TransitionKind.Transition, null),
                new(Phase.Busy, Signal.Finish, Phase.Waiting, TransitionKind.Transition, TestGuards.Paid),
                busy[2],
            ],
            busy);
        Assert.Equal((Signal.Touch, Phase.Busy, TransitionKind.Refused), (busy[2].Trigger, busy[2].Destination, busy[2].Kind));
        Assert.Equal("ORD-7", busy[2].Guard!.Name);
        Assert.Equal(RuleIds.Ord7, busy[2].Guard!.RuleId);
    }

    [Fact]
    public void Transitions_RecordEveryKindWithItsDestination()
    {
        var open = Nested.Transitions.Where(r => r.Source == Phase.Open).Select(r => (r.Trigger, r.Kind, r.Destination, r.Guard?.Name));

        Assert.Equal(
            [
                (Signal.Cancel, TransitionKind.Transition, Phase.Done, null),
                (Signal.Touch, TransitionKind.Reentry, Phase.Open, null),
                (Signal.Poll, TransitionKind.Internal, Phase.Open, null),
                (Signal.Resume, TransitionKind.Ignored, Phase.Open, null),
                (Signal.Finish, TransitionKind.Transition, Phase.Done, "Approved"),
            ],
            open);
    }

    [Fact]
    public void StatesAndInitialState_AreAsConfigured()
    {
        Assert.Equal([Phase.Draft, Phase.Open, Phase.Busy, Phase.Waiting, Phase.Done], Nested.States);
        Assert.Equal(Phase.Draft, Nested.InitialState);
        Assert.Equal("nested", Nested.Name);
        Assert.Equal("Workflow 'nested' (5 states, 15 rows)", Nested.ToString());
        Assert.Null(new WorkflowBuilder<Phase, Signal, Facts>("bare").Configure(Phase.Done).Build().InitialState);
    }

    [Fact]
    public void SuperstatesAndIsInState_FollowTheHierarchy()
    {
        var definition = ThreeLevels();

        Assert.Equal(Phase.Busy, definition.GetSuperstate(Phase.Waiting));
        Assert.Equal(Phase.Open, definition.GetSuperstate(Phase.Busy));
        Assert.Null(definition.GetSuperstate(Phase.Open));
        Assert.Null(definition.GetSuperstate((Phase)99));
        Assert.True(definition.IsInState(Phase.Waiting, Phase.Waiting));
        Assert.True(definition.IsInState(Phase.Waiting, Phase.Busy));
        Assert.True(definition.IsInState(Phase.Waiting, Phase.Open));
        Assert.False(definition.IsInState(Phase.Busy, Phase.Waiting));
        Assert.False(definition.IsInState(Phase.Waiting, Phase.Draft));
        Assert.False(definition.IsInState(Phase.Done, Phase.Open));
    }

    [Fact]
    public void ToMermaid_NestsSubstatesAndLabelsRows()
    {
        const string Expected = """
            stateDiagram-v2
                [*] --> Draft
                state Open {
                    state Busy {
                        Waiting
                    }
                }
                Draft --> Open : Submit
                Open --> Done : Cancel
                Open --> Open : Poll (internal)
                Busy --> Done : Finish [Paid]
                Busy --> Busy : Touch
                Waiting --> Waiting : Poll (internal) [Staffed]
                Done --> [*]

            """;

        Assert.Equal(Expected, ThreeLevels().ToMermaid());
    }

    [Fact]
    public void ToMermaid_ShowsSiblingsGuardsAndInternalRowsOfTheSharedWorkflow()
    {
        const string Expected = """
            stateDiagram-v2
                [*] --> Draft
                state Open {
                    Busy
                    Waiting
                }
                Draft --> Open : Submit
                Draft --> Busy : Start [Paid]
                Draft --> Waiting : Start [Staffed]
                Open --> Done : Cancel
                Open --> Open : Touch
                Open --> Open : Poll (internal)
                Open --> Done : Finish [Approved]
                Busy --> Waiting : Pause
                Busy --> Waiting : Finish [Paid]
                Waiting --> Draft : Cancel
                Waiting --> Waiting : Submit [Paid]
                Waiting --> Waiting : Start (internal) [Staffed]
                Done --> [*]

            """;

        Assert.Equal(Expected, Nested.ToMermaid());
    }

    [Fact]
    public void ToMermaid_WithoutInitialState_HasNoStartArrow()
    {
        var definition = new WorkflowBuilder<Phase, Signal, Facts>("bare")
            .Configure(Phase.Open).Permit(Signal.Finish, Phase.Done).Ignore(Signal.Poll)
            .Configure(Phase.Done).InternalTransition(Signal.Poll)
            .Build();

        Assert.Equal("stateDiagram-v2\n    Open --> Done : Finish\n    Done --> Done : Poll (internal)\n    Done --> [*]\n", definition.ToMermaid());
    }

    [Fact]
    public void ToMermaid_IsDeterministic()
    {
        Assert.Equal(ThreeLevels().ToMermaid(), ThreeLevels().ToMermaid());
        Assert.Equal(Nested.ToMermaid(), TestWorkflows.Nested.ToMermaid());
    }

    /// <summary>Waiting ⊂ Busy ⊂ Open, with an ignore and a refusal that the diagram leaves out.</summary>
    private static WorkflowDefinition<Phase, Signal, Facts> ThreeLevels()
    {
        var builder = TestGuards.Builder("three");
        builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open).Ignore(Signal.Poll).Refuse(Signal.Cancel, RuleIds.Ord2, "No.");
        builder.Configure(Phase.Open).Permit(Signal.Cancel, Phase.Done).InternalTransition(Signal.Poll);
        builder.Configure(Phase.Busy).SubstateOf(Phase.Open).PermitIf(Signal.Finish, Phase.Done, TestGuards.Paid).PermitReentry(Signal.Touch);
        builder.Configure(Phase.Waiting).SubstateOf(Phase.Busy).InternalTransitionIf(Signal.Poll, TestGuards.Staffed);
        return builder.Build();
    }
}
