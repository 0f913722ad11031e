using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Stateless;
using EcomRules.Tests.Workflow;
using EcomRules.Workflow;
using Stateless;
using Stateless.Reflection;

namespace EcomRules.Tests.Stateless;

/// <summary>
/// <see cref="StatelessExport"/>: the exported Stateless machine describes each workflow (DOT graph, <c>GetInfo()</c>,
/// guards described by name and rule) and accepts exactly what the definition accepts, state by state.
/// </summary>
[Trait("Area", "Workflow")]
public sealed class StatelessExportTests
{
    public static TheoryData<string> Workflows => ["order", "return", "refund"];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void DotGraph_HasEveryStateAndEveryGuardWithItsRule(string workflow)
    {
        var (dot, states, guards) = workflow switch
        {
            "order" => Describe(OrderWorkflow.Definition),
            "return" => Describe(ReturnWorkflow.Definition),
            _ => Describe(RefundWorkflow.Definition),
        };

        Assert.StartsWith("digraph", dot.TrimStart(), StringComparison.Ordinal);
        Assert.All(states, s => Assert.Contains($"\"{s}\"", dot, StringComparison.Ordinal));
        Assert.NotEmpty(guards);
        Assert.All(guards, g => Assert.Contains(g, dot, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "ORD-7")]
    public void OrderDotGraph_LabelsTheShipEdgeWithItsGuardAndRule()
    {
        var dot = OrderWorkflow.Definition.ToDotGraph();

        Assert.Contains("PaperworkComplete (ORD-7)", dot, StringComparison.Ordinal);
        Assert.Contains("ReturnWindowClosed (ORD-1)", dot, StringComparison.Ordinal);
        Assert.Contains("subgraph \"clusterCancellable\"", dot, StringComparison.Ordinal); // ORD-2: the cancellable superstate
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void GetInfo_ReflectsSuperstatesTransitionsAndGuardDescriptions()
    {
        var info = OrderWorkflow.Definition.ToStateMachine(OrderState.Placed, () => default(OrderFacts)).GetInfo();

        Assert.Equal(OrderState.Placed, info.InitialState.UnderlyingState);
        var byState = info.States.ToDictionary(s => (OrderState)s.UnderlyingState);
        Assert.Equal(Enum.GetValues<OrderState>().Order(), byState.Keys.Order());
        Assert.Equal(
            [OrderState.Placed, OrderState.Paid, OrderState.Confirmed, OrderState.Allocated, OrderState.Invoiced, OrderState.Shipped],
            byState[OrderState.Cancellable].Substates.Select(s => (OrderState)s.UnderlyingState).Order());
        Assert.Null(byState[OrderState.Received].Superstate);
        var ship = Assert.Single(byState[OrderState.Invoiced].FixedTransitions);
        Assert.Equal(OrderState.Shipped, ship.DestinationState.UnderlyingState);
        Assert.Equal("PaperworkComplete (ORD-7)", Assert.Single(ship.GuardConditionsMethodDescriptions).Description);
        Assert.Contains(byState[OrderState.Shipped].IgnoredTriggers, t => Equals(t.Trigger.UnderlyingTrigger, OrderTrigger.Ship));
        Assert.Contains(byState[OrderState.Shipped].FixedTransitions, t => t.IsInternalTransition && Equals(t.Trigger.UnderlyingTrigger, OrderTrigger.Track));
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void ExportedOrderMachine_PermitsWhatTheDefinitionPermits_WhenGuardsPass()
        => AssertSameOutcomes(OrderWorkflow.Definition, [new OrderFacts(true, true, true, true, 0)]);

    [Fact]
    [Trait("Rule", "RET-4")]
    public void ExportedReturnMachine_PermitsWhatTheDefinitionPermits_WhenGuardsPass()
        => AssertSameOutcomes(ReturnWorkflow.Definition, [new ReturnFacts(true, true, true)]);

    [Fact]
    [Trait("Rule", "REF-2")]
    public void ExportedRefundMachine_PermitsWhatTheDefinitionPermits_WhenGuardsPass()
        => AssertSameOutcomes(RefundWorkflow.Definition, [new RefundFacts(true, true)]);

    [Fact]
    [Trait("Rule", "ORD-7")]
    public void ExportedOrderMachine_AgreesForEveryGuardOutcome()
        => AssertSameOutcomes(OrderWorkflow.Definition,
            [.. Enumerable.Range(0, 32).Select(m => new OrderFacts((m & 1) != 0, (m & 2) != 0, (m & 4) != 0, (m & 8) != 0, (m & 16) != 0 ? 1 : 0))]);

    /// <summary>
    /// The nested test workflow has what Stateless lacks or does differently: two guarded rows for one trigger (both can
    /// pass), a substate that refuses an inherited trigger, an inherited re-entry and guarded internal transitions.
    /// </summary>
    [Fact]
    public void ExportedMachine_BridgesTheSemanticDifferences_ForEveryStateAndGuardOutcome()
        => AssertSameOutcomes(TestWorkflows.Nested, [.. Enumerable.Range(0, 8).Select(m => new Facts(m))]);

    [Fact]
    public void ExportedMachine_WithExternalState_WritesTheDefinitionsDestination()
    {
        var state = OrderState.Invoiced;
        var facts = new OrderFacts(true, true, false, false, 0);
        var machine = OrderWorkflow.Definition.ToStateMachine(() => state, s => state = s, () => facts);

        Assert.False(machine.CanFire(OrderTrigger.Ship)); // ORD-7: no invoice yet
        facts = facts with { HasInvoice = true };
        machine.Fire(OrderTrigger.Ship);

        Assert.Equal(OrderState.Shipped, state);
    }

    [Fact]
    public void ToStateMachine_NullArguments_Throw()
    {
        WorkflowDefinition<OrderState, OrderTrigger, OrderFacts>? none = null;

        Assert.Throws<ArgumentNullException>(() => none!.ToDotGraph());
        Assert.Throws<ArgumentNullException>(() => OrderWorkflow.Definition.ToStateMachine(OrderState.Placed, null!));
        Assert.Throws<ArgumentNullException>(() => OrderWorkflow.Definition.ToStateMachine(null!, _ => { }, () => default));
    }

    private static (string Dot, string[] States, string[] Guards) Describe<TState, TTrigger, TContext>(WorkflowDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        => (definition.ToDotGraph(),
            [.. definition.States.Select(s => s.ToString())],
            [.. definition.Transitions.Where(r => r.Guard is WorkflowGuard<TContext>).Select(r => r.Guard!.ToString()).Distinct()]);

    /// <summary>For every state, context and trigger: the same permitted triggers, the same CanFire, the same next state.</summary>
    private static void AssertSameOutcomes<TState, TTrigger, TContext>(WorkflowDefinition<TState, TTrigger, TContext> definition, TContext[] contexts)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var state = default(TState);
        var context = contexts[0];
        var machine = definition.ToStateMachine(() => state, s => state = s, () => context);
        var checkedFires = 0;
        foreach (var from in definition.States)
        {
            foreach (var facts in contexts)
            {
                state = from;
                context = facts;
                var permitted = machine.GetPermittedTriggersAsync().GetAwaiter().GetResult().Distinct().Order();
                Assert.True(definition.GetPermittedTriggers(from, facts).SequenceEqual(permitted),
                    $"{definition.Name}: in {from} with {facts} we permit [{string.Join(", ", definition.GetPermittedTriggers(from, facts))}], the export [{string.Join(", ", permitted)}].");
                foreach (var trigger in Enum.GetValues<TTrigger>())
                {
                    state = from;
                    var ours = definition.TryFire(from, trigger, facts);
                    Assert.True(ours.IsAccepted == machine.CanFire(trigger), $"{definition.Name}: CanFire({trigger}) in {from} with {facts}: ours {ours.IsAccepted}.");
                    if (ours.IsAccepted)
                    {
                        machine.Fire(trigger);
                        Assert.True(EqualityComparer<TState>.Default.Equals(ours.Destination, state),
                            $"{definition.Name}: {trigger} in {from} with {facts}: ours to {ours.Destination}, the export to {state}.");
                        checkedFires++;
                    }
                }
            }
        }

        Assert.True(checkedFires > 0, "No trigger was accepted; the comparison proved nothing.");
    }
}
