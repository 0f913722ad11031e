using EcomRules.Workflow;

namespace EcomRules.Tests.Workflow;

/// <summary>States of the small test workflows; <see cref="Archived"/> is defined but left unconfigured by most.</summary>
internal enum Phase
{
    Draft,
    Open,
    Busy,
    Waiting,
    Done,
    Archived,
}

/// <summary>Triggers of the small test workflows.</summary>
internal enum Signal
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
