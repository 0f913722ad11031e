using EcomRules.Complaints;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Workflow;
using FsCheck;
using FsCheck.Fluent;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// Differential properties: each live workflow definition against the same workflow configured by hand in Stateless
/// from RULES.md (<see cref="OrderOracle"/>, <see cref="ReturnOracle"/>, <see cref="RefundOracle"/>). Random walks of
/// random triggers, each step with a random guard context that both sides see; at every step both must permit the
/// same triggers, agree on whether the fired trigger can fire, and fire it the same way: accepted or refused, the
/// same kind (transition, re-entry, internal, ignore), the same next state, the same rule on a refusal.
/// </summary>
[Trait("Area", "Workflow")]
public sealed class StatelessOracleProperties
{
    private const int Cases = 10_000;

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    /// <summary>Guard inputs hold three times in four, so walks get past the guards and reach the late states.</summary>
    private static readonly Gen<bool> Mostly = Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)));

    private static readonly Gen<OrderFacts> OrderContexts =
        from paid in Mostly
        from note in Mostly
        from invoice in Mostly
        from closed in Mostly
        from open in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        select new OrderFacts(paid, note, invoice, closed, open);

    private static readonly Gen<ReturnFacts> ReturnContexts =
        from reason in Mostly
        from goods in Mostly
        from invoice in Mostly
        select new ReturnFacts(reason, goods, invoice);

    private static readonly Gen<ComplaintFacts> ComplaintContexts =
        from text in Mostly
        from ended in Mostly
        select new ComplaintFacts(text, ended);

    private static readonly Gen<RefundFacts> RefundContexts =
        from role in Mostly
        from independent in Mostly
        select new RefundFacts(role, independent);

    [Fact]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "ORD-2")]
    [Trait("Rule", "ORD-7")]
    public void OrderWorkflow_AgreesWithStateless_Property()
        => Agree(OrderWorkflow.Definition, OrderOracle.Create(), OrderContexts);

    [Fact]
    [Trait("Rule", "RET-3")]
    [Trait("Rule", "RET-4")]
    public void ReturnWorkflow_AgreesWithStateless_Property()
        => Agree(ReturnWorkflow.Definition, ReturnOracle.Create(), ReturnContexts);

    [Fact]
    [Trait("Rule", "REF-2")]
    [Trait("Rule", "REF-3")]
    [Trait("Rule", "INV-3")]
    public void RefundWorkflow_AgreesWithStateless_Property()
        => Agree(RefundWorkflow.Definition, RefundOracle.Create(), RefundContexts);

    [Fact]
    [Trait("Rule", "AFS-1")]
    [Trait("Rule", "AFS-2")]
    public void ComplaintWorkflow_AgreesWithStateless_Property()
        => Agree(ComplaintWorkflow.Definition, ComplaintOracle.Create(), ComplaintContexts);

    /// <summary>Drives both sides through <see cref="Cases"/> random walks and fails at the first step they disagree on.</summary>
    private static void Agree<TState, TTrigger, TContext>(
        WorkflowDefinition<TState, TTrigger, TContext> ours,
        StatelessOracle<TState, TTrigger, TContext> oracle,
        Gen<TContext> contexts)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var states = Enum.GetValues<TState>();
        var triggers = Enum.GetValues<TTrigger>();
        var initial = ours.InitialState ?? throw new InvalidOperationException($"{ours.Name} declares no initial state.");
        var walks =
            from start in Gen.Frequency((1, Gen.Constant(initial)), (1, Gen.Elements(states)))
            from length in Gen.Choose(1, 24)
            from steps in Gen.ArrayOf(Gen.Zip(Gen.Elements(triggers), contexts), length)
            select (Start: start, Steps: steps);
        var buffer = new TTrigger[ours.MaxTriggerCount];
        var accepted = 0L;
        var refused = 0L;

        Check.One(Runs, Prop.ForAll(Arb.From(walks), walk =>
        {
            var state = walk.Start;
            for (var i = 0; i < walk.Steps.Length; i++)
            {
                var (trigger, context) = walk.Steps[i];
                string Where() => $"{ours.Name}, step {i} of a walk from {walk.Start}: {trigger} in {state} with {context}";

                var permitted = buffer.AsSpan(0, ours.GetPermittedTriggers(state, context, buffer)).ToArray();
                var oraclePermitted = oracle.Permitted(state, context);
                Assert.True(permitted.SequenceEqual(oraclePermitted),
                    $"{Where()}: we permit [{string.Join(", ", permitted)}], Stateless [{string.Join(", ", oraclePermitted)}].");
                Assert.True(ours.CanFire(state, trigger, context) == oracle.CanFire(state, trigger, context),
                    $"{Where()}: CanFire differs (ours {ours.CanFire(state, trigger, context)}).");

                var result = ours.TryFire(state, trigger, context);
                var expected = oracle.Fire(state, trigger, context);
                var ruleId = result.IsRefused ? result.Refusal.RuleId.Value : null;
                Assert.True(new OracleOutcome<TState>(result.Kind, result.Destination, ruleId) == expected,
                    $"{Where()}: we did {result.Kind} to {result.Destination} ({ruleId}), Stateless {expected.Kind} to {expected.State} ({expected.RuleId}).");
                Assert.Equal(permitted.Contains(trigger), result.IsAccepted);

                _ = result.IsAccepted ? accepted++ : refused++;
                state = result.Destination;
            }
        }));

        // Both outcomes must have been exercised, or the property proved little.
        Assert.True(accepted > Cases && refused > Cases, $"{ours.Name}: {accepted} accepted and {refused} refused steps.");
    }
}
