using EcomRules.Returns;

namespace EcomRules.Tests.Returns;

/// <summary>The return workflow's table, without the engine.</summary>
public sealed class ReturnWorkflowTests
{
    [Fact]
    [Trait("Rule", "RET-3")]
    public void RET3_a_decision_without_a_reason_is_refused()
    {
        var fired = ReturnWorkflow.Definition.TryFire(ReturnState.Requested, ReturnTrigger.Accept, new ReturnFacts(false, false, false));
        Assert.Equal(RuleIds.Ret3, fired.Refusal.RuleId);
        Assert.Equal(ReturnState.Archived, ReturnWorkflow.Definition.TryFire(ReturnState.Requested, ReturnTrigger.Reject, new ReturnFacts(true, false, false)).Destination);
    }

    [Theory]
    [Trait("Rule", "RET-4")]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void RET4_goods_are_received_only_when_goods_and_invoice_pass(bool goods, bool invoice)
    {
        var fired = ReturnWorkflow.Definition.TryFire(ReturnState.ReturnShipped, ReturnTrigger.PassInspection, new ReturnFacts(false, goods, invoice));
        Assert.Equal(RuleIds.Ret4, fired.Refusal.RuleId);
        Assert.Equal(ReturnState.Negotiating, ReturnWorkflow.Definition.TryFire(ReturnState.ReturnShipped, ReturnTrigger.FailInspection, default).Destination);
    }

    [Fact]
    [Trait("Rule", "RET-4")]
    public void RET4_nothing_is_restocked_before_it_is_received()
    {
        foreach (var state in Enum.GetValues<ReturnState>())
        {
            Assert.Equal(state == ReturnState.Received, ReturnWorkflow.Definition.TryFire(state, ReturnTrigger.Restock, default).IsAccepted);
        }
    }
}
