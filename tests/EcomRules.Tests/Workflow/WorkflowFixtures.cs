using EcomRules.Workflow;

namespace EcomRules.Tests.Workflow;

/// <summary>States of the small test workflows; <see cref="Archived"/> is defined but left unconfigured by most.</summary>
public enum Phase
{
    Draft,
    Open,
    Busy,
    Waiting,
    Done,
    Archived,
}

/// <summary>Triggers of the small test workflows.</summary>
public enum Signal
{
    Submit,
    Start,
    Pause,
    Resume,
    Finish,
    Touch,
    Poll,
    Cancel,
}

/// <summary>The context the test guards look at: a bit mask of the facts that hold.</summary>
internal readonly record struct Facts(int Flags)
{
    public static readonly Facts None = new(0);
    public static readonly Facts All = new(~0);

    public bool Has(int bit) => (Flags & (1 << bit)) != 0;

    public static Facts Of(params int[] bits) => new(bits.Aggregate(0, (mask, bit) => mask | (1 << bit)));
}

/// <summary>Named guards shared by the workflow tests: each passes when one bit of <see cref="Facts"/> is set.</summary>
internal static class TestGuards
{
    public static readonly WorkflowGuard<Facts> Paid = Bit("Paid", 0, RuleIds.Ord7);
    public static readonly WorkflowGuard<Facts> Staffed = Bit("Staffed", 1, default);
    public static readonly WorkflowGuard<Facts> Approved = Bit("Approved", 2, RuleIds.Ord2);

    public static WorkflowGuard<Facts> Bit(string name, int bit, RuleId ruleId)
        => new(name, ruleId, $"{name} does not hold.", (in Facts facts) => facts.Has(bit));

    /// <summary>A builder with every <see cref="Phase"/> but <see cref="Phase.Archived"/> configured and nothing else.</summary>
    public static WorkflowBuilder<Phase, Signal, Facts> Builder(string name = "test")
    {
        var builder = new WorkflowBuilder<Phase, Signal, Facts>(name).StartAt(Phase.Draft);
        foreach (var phase in new[] { Phase.Open, Phase.Busy, Phase.Waiting, Phase.Done })
        {
            _ = builder.Configure(phase);
        }

        return builder;
    }
}

/// <summary>Definitions shared by the workflow tests.</summary>
internal static class TestWorkflows
{
    /// <summary>
    /// Draft has guarded Start rows and refuses Cancel; Open is the superstate of Busy and Waiting and has one row of
    /// every kind; Busy adds its own Finish guard and refuses the inherited Touch; Waiting overrides Cancel.
    /// </summary>
    public static readonly WorkflowDefinition<Phase, Signal, Facts> Nested = BuildNested();

    private static WorkflowDefinition<Phase, Signal, Facts> BuildNested()
    {
        var builder = TestGuards.Builder("nested").OnUnhandledTrigger(RuleIds.Ord1, "State only moves along the table.");
        builder.Configure(Phase.Draft)
            .Permit(Signal.Submit, Phase.Open)
            .PermitIf(Signal.Start, Phase.Busy, TestGuards.Paid)
            .PermitIf(Signal.Start, Phase.Waiting, TestGuards.Staffed)
            .Refuse(Signal.Cancel, RuleIds.Ord2, "Drafts are deleted, not cancelled.");
        builder.Configure(Phase.Open)
            .Permit(Signal.Cancel, Phase.Done)
            .PermitReentry(Signal.Touch)
            .InternalTransition(Signal.Poll)
            .Ignore(Signal.Resume)
            .PermitIf(Signal.Finish, Phase.Done, TestGuards.Approved);
        builder.Configure(Phase.Busy)
            .SubstateOf(Phase.Open)
            .Permit(Signal.Pause, Phase.Waiting)
            .PermitIf(Signal.Finish, Phase.Waiting, TestGuards.Paid)
            .Refuse(Signal.Touch, RuleIds.Ord7, "Busy work is not restarted.");
        builder.Configure(Phase.Waiting)
            .SubstateOf(Phase.Open)
            .Permit(Signal.Cancel, Phase.Draft)
            .PermitReentryIf(Signal.Submit, TestGuards.Paid)
            .InternalTransitionIf(Signal.Start, TestGuards.Staffed);
        return builder.Build();
    }
}
