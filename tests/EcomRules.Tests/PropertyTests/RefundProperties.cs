using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Tests.Returns;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

public sealed class RefundProperties
{
    private static readonly OrderId OrderId = new("P-1");
    private static readonly Instant Day = ReturnFixture.At(2026, 3, 3);

    private static readonly Actor[] Actors =
    [
        ReturnFixture.Service, ReturnFixture.DeptHead, ReturnFixture.Hq, ReturnFixture.Finance, ReturnFixture.Payer, Actor.System,
        new("cs-1", ActorRole.SalesDepartmentHead), new("dept-1", ActorRole.DivisionFinance), new("fin-1", ActorRole.HeadquartersFinance),
        new("hq-1", ActorRole.HeadquartersFinance), new("dept-2", ActorRole.SalesDepartmentHead), new("fin-2", ActorRole.DivisionFinance),
    ];

    private enum Step
    {
        Request,
        Reject,
        Pay,
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public void REF1_random_partial_refunds_never_exceed_what_was_paid()
    {
        var steps = Gen.ListOf(from fen in Gen.Choose(1, 20_000) from step in Gen.Elements(Step.Request, Step.Reject, Step.Pay) select (fen, step));
        Prop.ForAll(Arb.From(steps), plan =>
        {
            var f = new ReturnFixture();
            var paid = f.ReceivedOrderNow(OrderId, 100m).Paid; // 360.00
            var open = new List<RefundId>();
            var i = 0;
            foreach (var (fen, step) in plan)
            {
                var id = new RefundId(OrderId, "r" + i++);
                var requested = f.RunNow(new RequestRefund(f.NextId(), ReturnFixture.Service, Day, id, Money.FromFen(fen), "goodwill"));
                if (requested.IsAccepted && step != Step.Request)
                {
                    open.Add(id);
                }

                if (step == Step.Reject && open.Count > 0)
                {
                    Assert.True(f.RunNow(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, open[0], "no")).IsAccepted);
                    open.RemoveAt(0);
                }
                else if (step == Step.Pay && open.Count > 0)
                {
                    PayNow(f, open[^1]);
                    open.RemoveAt(open.Count - 1);
                }

                var order = (Order)f.LoadNow(OrderId.Key)!.State;
                if (order.Refunded + order.RefundReserved > paid)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    [Trait("Rule", "REF-3")]
    public void REF2_no_refund_is_paid_without_every_step_of_its_tier_and_refusals_change_nothing()
    {
        // The happy path with random actors (right one half of the time) and random commands in between, so that
        // many runs reach Paid and many are refused along the way.
        var any = from kind in Gen.Choose(0, 6) from actor in Gen.Elements(Actors) select (kind, actor);
        Gen<(int, Actor)[]> StepOf(int kind, bool large) =>
            from n in Gen.Choose(0, 2)
            from extras in Gen.ArrayOf(any, n)
            from actor in Gen.OneOf(Gen.Constant(RightActor(kind, large)), Gen.Elements(Actors))
            select extras.Append((kind, actor)).ToArray();
        var cases =
            from large in Gen.Elements(false, true)
            from settle in Gen.Elements<int[]>([2], [3, 4])
            from steps in Gen.CollectToArray(new[] { 0, 1 }.Concat(settle).Append(5).Select(k => StepOf(k, large)))
            select (large, plan: steps.SelectMany(x => x).ToArray());
        var paidRuns = 0;
        Prop.ForAll(Arb.From(cases), c =>
        {
            var f = new ReturnFixture();
            f.ReceivedOrderNow(OrderId, 2000m);
            var id = new RefundId(OrderId, "r");
            Assert.True(f.RunNow(new RequestRefund(f.NextId(), ReturnFixture.Service, Day, id, new Money(c.large ? 5000m : 4999.99m), "goodwill")).IsAccepted);
            foreach (var (kind, actor) in c.plan)
            {
                var refundBefore = f.LoadNow(id.Key)!;
                var orderBefore = f.LoadNow(OrderId.Key)!;
                var decision = f.RunNow(Command(f, kind, actor, id));
                if (decision.IsRefused)
                {
                    // DESIGN: the aggregate never changes on a refusal.
                    var refundAfter = f.LoadNow(id.Key)!;
                    var orderAfter = f.LoadNow(OrderId.Key)!;
                    if (refundAfter.Version != refundBefore.Version || !ReferenceEquals(refundAfter.State, refundBefore.State)
                        || orderAfter.Version != orderBefore.Version || !ReferenceEquals(orderAfter.State, orderBefore.State))
                    {
                        return false;
                    }
                }
            }

            var refund = (Refund)f.LoadNow(id.Key)!.State;
            paidRuns += refund.State == RefundState.Paid ? 1 : 0;
            return refund.State != RefundState.Paid || EveryStepSigned(refund, f.Engine.Policy.Refunds);
        }).QuickCheckThrowOnFailure();
        Assert.True(paidRuns > 0, "no generated run reached Paid; the property would be vacuous");
    }

    private static bool EveryStepSigned(Refund refund, global::EcomRules.Policies.RefundApprovalPolicy policy)
    {
        var approval = refund.Signatures.Single(s => s.Step == RefundStep.Approval);
        var review = refund.Signatures.Single(s => s.Step == RefundStep.FinanceReview);
        var payment = refund.Signatures.Single(s => s.Step == RefundStep.Payment);
        var settled = refund.InvoiceRecovered || refund.CreditNoteNumber is not null;
        string[] signers = [approval.ActorId, review.ActorId, payment.ActorId];
        return approval.Role == policy.ApproverFor(refund.Amount) && review.Role == policy.FinanceReviewer && payment.Role == policy.Payer
            && settled && signers.Distinct(StringComparer.Ordinal).Count() == 3 && !signers.Contains(refund.RequestedBy, StringComparer.Ordinal);
    }

    private static Actor RightActor(int kind, bool large) => kind switch
    {
        0 => large ? ReturnFixture.Hq : ReturnFixture.DeptHead,
        1 or 2 or 3 or 4 => ReturnFixture.Finance,
        _ => ReturnFixture.Payer,
    };

    private static EcomCommand Command(ReturnFixture f, int kind, Actor actor, RefundId id) => kind switch
    {
        0 => new ApproveRefund(f.NextId(), actor, Day, id),
        1 => new ReviewRefund(f.NextId(), actor, Day, id),
        2 => new ConfirmInvoiceRecovered(f.NextId(), actor, Day, id),
        3 => new RequestCreditNote(f.NextId(), actor, Day, id),
        4 => new RecordCreditNote(f.NextId(), actor, Day, id, "RED-1"),
        5 => new PayRefund(f.NextId(), actor, Day, id),
        _ => new RejectRefund(f.NextId(), actor, Day, id, "no"),
    };

    private static void PayNow(ReturnFixture f, RefundId id)
    {
        Assert.True(f.RunNow(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id)).IsAccepted);
        Assert.True(f.RunNow(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id)).IsAccepted);
        Assert.True(f.RunNow(new ConfirmInvoiceRecovered(f.NextId(), ReturnFixture.Finance, Day, id)).IsAccepted);
        Assert.True(f.RunNow(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id)).IsAccepted);
    }
}
