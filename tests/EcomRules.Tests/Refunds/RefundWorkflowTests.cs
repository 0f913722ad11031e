using EcomRules.Refunds;
using EcomRules.Workflow;

namespace EcomRules.Tests.Refunds;

/// <summary>The refund workflow's table, without the engine.</summary>
public sealed class RefundWorkflowTests
{
    private static readonly RefundFacts Allowed = new(true, true);

    [Theory]
    [Trait("Rule", "REF-3")]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void REF3_every_signed_step_needs_the_role_and_an_independent_signer(bool holdsRole, bool independent)
    {
        var fired = RefundWorkflow.Definition.TryFire(RefundState.Requested, RefundTrigger.Approve, new RefundFacts(holdsRole, independent));
        Assert.True(fired.IsRefused);
        Assert.Equal(RuleIds.Ref3, fired.Refusal.RuleId);
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    [Trait("Rule", "INV-3")]
    public void REF2_pay_is_reachable_only_through_approval_review_and_invoice_settlement()
    {
        foreach (var state in Enum.GetValues<RefundState>())
        {
            var fired = RefundWorkflow.Definition.TryFire(state, RefundTrigger.Pay, Allowed);
            Assert.Equal(state == RefundState.InvoiceSettled, fired.IsAccepted);
        }

        Assert.Equal(RuleIds.Inv3, RefundWorkflow.Definition.TryFire(RefundState.Reviewed, RefundTrigger.Pay, Allowed).Refusal.RuleId);
        Assert.Equal(RuleIds.Inv3, RefundWorkflow.Definition.TryFire(RefundState.CreditNotePending, RefundTrigger.Pay, Allowed).Refusal.RuleId);
        Assert.Equal(RefundState.InvoiceSettled, RefundWorkflow.Definition.TryFire(RefundState.CreditNotePending, RefundTrigger.RecordCreditNote, Allowed).Destination);
        Assert.Equal(TransitionKind.Ignored, RefundWorkflow.Definition.TryFire(RefundState.CreditNotePending, RefundTrigger.RequestCreditNote, Allowed).Kind);
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public void REF1_a_refund_cannot_be_rejected_once_finance_reviewed_it()
    {
        Assert.True(RefundWorkflow.Definition.TryFire(RefundState.Requested, RefundTrigger.Reject, Allowed).IsAccepted);
        Assert.True(RefundWorkflow.Definition.TryFire(RefundState.Approved, RefundTrigger.Reject, Allowed).IsAccepted);
        Assert.True(RefundWorkflow.Definition.TryFire(RefundState.Reviewed, RefundTrigger.Reject, Allowed).IsRefused);
        Assert.True(RefundWorkflow.Definition.TryFire(RefundState.Paid, RefundTrigger.Reject, Allowed).IsRefused);
    }
}
