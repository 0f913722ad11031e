using EcomRules.Workflow;

namespace EcomRules.Tests.Workflow;

[Trait("Area", "Workflow")]
public sealed class WorkflowBuilderTests
{
    private static WorkflowDefinitionException BuildFails(WorkflowBuilder<Phase, Signal, Facts> builder)
        => Assert.Throws<WorkflowDefinitionException>(() => builder.Build());

    /// <summary>Configures the standard builder, builds it and asserts one problem that contains every fragment.</summary>
    private static void AssertSingleProblem(Action<WorkflowBuilder<Phase, Signal, Facts>> configure, params string[] fragments)
    {
        var builder = TestGuards.Builder();
        configure(builder);

        var ex = BuildFails(builder);

        Assert.Equal("test", ex.WorkflowName);
        var problem = Assert.Single(ex.Problems);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_ReturnsTheSameInstanceEveryTime()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open);

        var first = builder.Build();

        Assert.Same(first, builder.Build());
        Assert.Same(first, builder.Build());
    }

    [Fact]
    public void Build_ThroughStateConfiguration_IsTheBuildersDefinition()
    {
        var builder = TestGuards.Builder();
        var definition = builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open).Build();

        Assert.Same(definition, builder.Build());
        Assert.Equal("test", definition.Name);
    }

    [Fact]
    public void ConfiguringAfterBuild_Throws()
    {
        var builder = TestGuards.Builder();
        var draft = builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open);
        _ = builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Configure(Phase.Open));
        Assert.Throws<InvalidOperationException>(() => builder.StartAt(Phase.Open));
        Assert.Throws<InvalidOperationException>(() => builder.OnUnhandledTrigger(RuleIds.Ord1, "Not along the table."));
        Assert.Throws<InvalidOperationException>(() => draft.Permit(Signal.Start, Phase.Busy));
        Assert.Throws<InvalidOperationException>(() => draft.PermitIf(Signal.Start, Phase.Busy, TestGuards.Paid));
        Assert.Throws<InvalidOperationException>(() => draft.PermitReentry(Signal.Touch));
        Assert.Throws<InvalidOperationException>(() => draft.PermitReentryIf(Signal.Touch, TestGuards.Paid));
        Assert.Throws<InvalidOperationException>(() => draft.InternalTransition(Signal.Poll));
        Assert.Throws<InvalidOperationException>(() => draft.InternalTransitionIf(Signal.Poll, TestGuards.Paid));
        Assert.Throws<InvalidOperationException>(() => draft.Ignore(Signal.Poll));
        Assert.Throws<InvalidOperationException>(() => draft.Refuse(Signal.Cancel, RuleIds.Ord2, "No."));
        var ex = Assert.Throws<InvalidOperationException>(() => draft.SubstateOf(Phase.Open));
        Assert.Contains("'test'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubstateOfAfterBuild_DoesNotChangeTheDefinition()
    {
        // Regression: SubstateOf used to skip the frozen check and silently record a superstate nobody would read.
        var builder = TestGuards.Builder();
        var open = builder.Configure(Phase.Open);
        var definition = builder.Build();

        Assert.Throws<InvalidOperationException>(() => open.SubstateOf(Phase.Draft));
        Assert.Null(definition.GetSuperstate(Phase.Open));
    }

    [Fact]
    public void Configure_Twice_ContinuesTheSameConfiguration()
    {
        var builder = TestGuards.Builder();
        var first = builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open);
        var second = builder.Configure(Phase.Draft).Permit(Signal.Cancel, Phase.Done);

        Assert.Same(first, second);
        Assert.Equal(Phase.Draft, second.State);
        var definition = builder.Build();
        Assert.Equal([Signal.Submit, Signal.Cancel], definition.Transitions.Where(r => r.Source == Phase.Draft).Select(r => r.Trigger));
        Assert.Equal(5, definition.States.Count);
    }

    [Fact]
    public void StartAt_ConfiguresTheInitialState()
    {
        var definition = new WorkflowBuilder<Phase, Signal, Facts>("test").StartAt(Phase.Waiting).Build();

        Assert.Equal(Phase.Waiting, definition.InitialState);
        Assert.Equal([Phase.Waiting], definition.States);
    }

    [Fact]
    public void Constructor_RefusesBlankName()
    {
        Assert.ThrowsAny<ArgumentException>(() => new WorkflowBuilder<Phase, Signal, Facts>(" "));
        Assert.ThrowsAny<ArgumentException>(() => new WorkflowBuilder<Phase, Signal, Facts>(null!));
    }

    [Fact]
    public void GuardedMethods_RefuseNullGuards()
    {
        var draft = TestGuards.Builder().Configure(Phase.Draft);

        Assert.Equal("guard", Assert.Throws<ArgumentNullException>(() => draft.PermitIf(Signal.Submit, Phase.Open, null!)).ParamName);
        Assert.Equal("guard", Assert.Throws<ArgumentNullException>(() => draft.PermitReentryIf(Signal.Touch, null!)).ParamName);
        Assert.Equal("guard", Assert.Throws<ArgumentNullException>(() => draft.InternalTransitionIf(Signal.Poll, null!)).ParamName);
    }

    [Fact]
    public void RulesAndGuards_RefuseBlankText()
    {
        var draft = TestGuards.Builder().Configure(Phase.Draft);

        Assert.ThrowsAny<ArgumentException>(() => draft.Refuse(Signal.Cancel, RuleIds.Ord2, " "));
        Assert.ThrowsAny<ArgumentException>(() => TestGuards.Builder().OnUnhandledTrigger(RuleIds.Ord1, ""));
        Assert.ThrowsAny<ArgumentException>(() => new WorkflowGuard<Facts>(" ", default, "Reason.", (in Facts _) => true));
        Assert.ThrowsAny<ArgumentException>(() => new WorkflowGuard<Facts>("Name", default, " ", (in Facts _) => true));
        Assert.Throws<ArgumentNullException>(() => new WorkflowGuard<Facts>("Name", default, "Reason.", null!));
    }

    [Fact]
    public void DistinctGuardsOnOneTrigger_AreValid()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Draft)
            .PermitIf(Signal.Submit, Phase.Open, TestGuards.Paid)
            .PermitIf(Signal.Submit, Phase.Busy, TestGuards.Staffed)
            .InternalTransitionIf(Signal.Submit, TestGuards.Approved)
            .PermitIf(Signal.Start, Phase.Busy, TestGuards.Paid)
            .SubstateOf(Phase.Open)
            .SubstateOf(Phase.Open);

        var definition = builder.Build();

        Assert.Equal(4, definition.Transitions.Count);
        Assert.Equal(Phase.Open, definition.GetSuperstate(Phase.Draft));
    }

    [Fact]
    public void DuplicateUnguardedTransitions_AreReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open).Permit(Signal.Submit, Phase.Busy),
            "State 'Draft' configures trigger 'Submit' 2 times and at least one is unguarded");

    [Fact]
    public void GuardedAndUnguardedTransitionForOneTrigger_AreReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Open).PermitIf(Signal.Start, Phase.Busy, TestGuards.Paid).Ignore(Signal.Start),
            "State 'Open' configures trigger 'Start' 2 times");

    [Fact]
    public void RefuseAlongsideAGuardedTransition_IsReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Open).PermitIf(Signal.Cancel, Phase.Done, TestGuards.Paid).Refuse(Signal.Cancel, RuleIds.Ord2, "No."),
            "State 'Open' configures trigger 'Cancel' 2 times");

    [Fact]
    public void SameGuardNameTwiceOnOneTrigger_IsReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Busy)
                .PermitIf(Signal.Finish, Phase.Done, TestGuards.Paid)
                .PermitReentryIf(Signal.Finish, TestGuards.Bit("Paid", 5, default)),
            "State 'Busy' configures trigger 'Finish' more than once with guard 'Paid'");

    [Fact]
    public void TransitionToUnconfiguredState_IsReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Done).PermitIf(Signal.Finish, Phase.Archived, TestGuards.Paid),
            "'Done' moves on 'Finish' to 'Archived', which is not configured",
            "Configure(Archived)");

    [Fact]
    public void PermitBackToTheSameState_IsReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Waiting).Permit(Signal.Poll, Phase.Waiting),
            "'Waiting' permits 'Poll' back to itself",
            "PermitReentry");

    [Fact]
    public void SubstateCycle_IsReportedOnceNamingTheCycle()
        => AssertSingleProblem(
            b =>
            {
                b.Configure(Phase.Open).SubstateOf(Phase.Busy);
                b.Configure(Phase.Busy).SubstateOf(Phase.Waiting);
                b.Configure(Phase.Waiting).SubstateOf(Phase.Open);
                b.Configure(Phase.Done).SubstateOf(Phase.Open);
            },
            "Substate cycle: Open → Busy → Waiting → Open.");

    [Fact]
    public void TwoStateSubstateCycle_IsReported()
        => AssertSingleProblem(
            b =>
            {
                b.Configure(Phase.Busy).SubstateOf(Phase.Waiting);
                b.Configure(Phase.Waiting).SubstateOf(Phase.Busy);
            },
            "Substate cycle: Busy → Waiting → Busy.");

    [Fact]
    public void SubstateOfUnconfiguredState_IsReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Done).SubstateOf(Phase.Archived),
            "'Done' is a substate of 'Archived', which is not configured");

    [Fact]
    public void SeveralSuperstates_AreReported()
        => AssertSingleProblem(
            b => b.Configure(Phase.Busy).SubstateOf(Phase.Open).SubstateOf(Phase.Waiting),
            "'Busy' is a substate of several states (Open, Waiting)");

    [Fact]
    public void SubstateOfItself_IsReported()
        => AssertSingleProblem(b => b.Configure(Phase.Busy).SubstateOf(Phase.Busy), "State 'Busy' is declared a substate of itself.");

    [Fact]
    public void UndefinedStateValue_IsReported()
        => AssertSingleProblem(b => b.Configure((Phase)99), "State 99 is not a defined value of Phase");

    [Fact]
    public void UndefinedTriggerValue_IsReported()
        => AssertSingleProblem(b => b.Configure(Phase.Open).Ignore((Signal)42), "'Open' configures trigger 42, which is not a defined value of Signal");

    [Fact]
    public void NoStateConfigured_IsReported()
    {
        var ex = BuildFails(new WorkflowBuilder<Phase, Signal, Facts>("empty"));

        Assert.Equal("empty", ex.WorkflowName);
        Assert.Equal("No state is configured.", Assert.Single(ex.Problems));
    }

    [Fact]
    public void EveryProblem_IsCollectedIntoOneException()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Archived).Permit(Signal.Submit, Phase.Open);
        builder.Configure(Phase.Open).SubstateOf(Phase.Open);
        builder.Configure(Phase.Busy).Permit(Signal.Start, Phase.Busy);

        var ex = BuildFails(builder);

        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("'Draft' configures trigger 'Submit' 2 times", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("to 'Archived', which is not configured", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'Open' is declared a substate of itself", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'Busy' permits 'Start' back to itself", StringComparison.Ordinal));
        Assert.StartsWith("The workflow 'test' is not valid (4 problem(s)):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailedBuild_CanBeFixedAndBuiltAgain()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Done).SubstateOf(Phase.Archived);
        _ = BuildFails(builder);

        builder.Configure(Phase.Archived);

        Assert.Equal(Phase.Archived, builder.Build().GetSuperstate(Phase.Done));
    }

    [Fact]
    public void EnumSpanTooLarge_IsReported()
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowBuilder<Sparse, Signal, Facts>("sparse").StartAt(Sparse.Low).Build());

        Assert.Contains("The values of Sparse span 5001", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void EnumSpanningTheWholeLongRange_IsReported()
    {
        // Regression: max - min + 1 overflowed to 0 for such an enum, so Build accepted it and nothing could fire.
        var ex = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowBuilder<Wide, Signal, Facts>("wide")
            .StartAt(Wide.Min).Configure(Wide.Max).Build());

        Assert.Contains("The values of Wide span 18446744073709551616", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TriggerEnumFromZeroToLongMax_IsReported()
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowBuilder<Phase, HalfWide, Facts>("half")
            .StartAt(Phase.Draft).Build());

        Assert.Contains("The values of HalfWide span 9223372036854775808", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    private enum Wide : long
    {
        Min = long.MinValue,
        Max = long.MaxValue,
    }

    private enum HalfWide : long
    {
        Zero = 0,
        Max = long.MaxValue,
    }

    private enum Sparse
    {
        Low = 0,
        High = 5000,
    }
}
