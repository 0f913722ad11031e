using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Refunds;
using EcomRules.Refunds.Events;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Refunds;

public sealed class RefundTests
{
    private static readonly OrderId OrderId = new("O-200");
    private static readonly Instant Day = ReturnFixture.At(2026, 3, 3);

    private static async Task<ReturnFixture> PaidOrder(decimal unitPrice = 100m)
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2), ReturnFixture.Lines(unitPrice));
        return f;
    }

    private static RequestRefund Request(ReturnFixture f, string number, decimal amount)
        => new(f.NextId(), ReturnFixture.Service, Day, new RefundId(OrderId, number), new Money(amount), "goodwill");

    [Fact]
    [Trait("Rule", "REF-2")]
    public async Task REF2_exactly_5000_yuan_needs_headquarters()
    {
        var f = await PaidOrder(2000m);
        var refund = (await f.Ok(Request(f, "r1", 5000.00m))).StateAs<Refund>();
        Assert.Equal(ActorRole.Headquarters, refund.ApproverRole);
        var byDept = await f.Run(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, refund.Id));
        Assert.Equal(RuleIds.Ref2, byDept.RuleId); // the tier rule, not REF-3 (issue 14)
        Assert.Contains("headquarters tier (CNY 5000.00 and above)", byDept.Reason, StringComparison.Ordinal);
        Assert.Contains("'headquarters'", byDept.Reason, StringComparison.Ordinal);
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.Hq, Day, refund.Id));
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    public async Task REF2_4999_99_yuan_is_approved_by_the_department_head()
    {
        var f = await PaidOrder(2000m);
        var refund = (await f.Ok(Request(f, "r1", 4999.99m))).StateAs<Refund>();
        Assert.Equal(ActorRole.SalesDepartmentHead, refund.ApproverRole);
        Assert.Equal(RuleIds.Ref2, (await f.Run(new ApproveRefund(f.NextId(), ReturnFixture.Hq, Day, refund.Id))).RuleId);
        var paid = await f.PaidRefund(refund.Id, Day);
        Assert.Equal(RefundState.Paid, paid.State);
        Assert.Equal([RefundStep.Approval, RefundStep.FinanceReview, RefundStep.InvoiceSettlement, RefundStep.Payment], paid.Signatures.Select(s => s.Step));
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    public async Task REF2_no_step_can_be_skipped()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 50m))).StateAs<Refund>().Id;
        Assert.Equal(RuleIds.Ref2, (await f.Run(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id))).RuleId);
        Assert.Equal(RuleIds.Ref2, (await f.Run(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id))).RuleId);
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id));
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id));
        Assert.Equal(RuleIds.Inv3, (await f.Run(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id))).RuleId);
    }

    [Fact]
    [Trait("Rule", "REF-3")]
    public async Task REF3_self_approval_is_refused()
    {
        var f = await PaidOrder();
        var head = new Actor("dept-9", ActorRole.SalesDepartmentHead);
        var id = new RefundId(OrderId, "r1");
        await f.Ok(new RequestRefund(f.NextId(), head, Day, id, new Money(50m), "goodwill"));
        var self = await f.Run(new ApproveRefund(f.NextId(), head, Day, id));
        Assert.Equal(RuleIds.Ref3, self.RuleId);
        Assert.Equal(RefusalCode.RuleViolation, self.Code);
        Assert.Contains("requested refund", self.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("REF-3", self.Reason, StringComparison.Ordinal); // the rule is RuleId, not repeated in the sentence
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    public async Task REF2_an_approver_without_the_tiers_role_is_refused_citing_the_tier_and_amount()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 50m))).StateAs<Refund>().Id;
        var wrong = await f.Run(new ApproveRefund(f.NextId(), ReturnFixture.Finance, Day, id));
        Assert.Equal(RuleIds.Ref2, wrong.RuleId);
        Assert.Contains("of CNY 50.00 is in the department tier (below CNY 5000.00)", wrong.Reason, StringComparison.Ordinal);
        Assert.Contains("'sales-department-head'", wrong.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "REF-3")]
    public async Task REF3_one_person_cannot_sign_two_approval_steps()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 50m))).StateAs<Refund>().Id;
        var both = new Actor("dept-1", ActorRole.DivisionFinance); // the approver's staff number, now acting as finance
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id));
        Assert.Equal(RuleIds.Ref3, (await f.Run(new ReviewRefund(f.NextId(), both, Day, id))).RuleId);
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public async Task REF1_refunds_never_exceed_what_was_paid_and_a_rejection_releases_its_reservation()
    {
        var f = await PaidOrder(); // 3 × 100 + 50 + 10 freight = 360
        await f.Ok(Request(f, "r1", 300m));
        var over = await f.Run(Request(f, "r2", 60.01m));
        Assert.Equal(RuleIds.Ref1, over.RuleId);
        Assert.Equal(new Money(300m), (await f.Get<Order>(OrderId.Key)).RefundReserved);

        var id = new RefundId(OrderId, "r1");
        Assert.Equal(RuleIds.Ref2, (await f.Run(new RejectRefund(f.NextId(), ReturnFixture.Finance, Day, id, "no"))).RuleId); // not the tier's role
        var rejected = await f.Ok(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, id, "not justified"));
        Assert.Contains(rejected.Events, e => e is RefundRejected);
        Assert.Equal(Money.Zero, (await f.Get<Order>(OrderId.Key)).RefundReserved);
        await f.Ok(Request(f, "r3", 360m));
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public async Task REF1_concurrent_refunds_serialize_on_the_order()
    {
        var f = await PaidOrder(); // 360 paid
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => f.Run(Request(f, "p" + i, 100m)))));
        Assert.Equal(3, results.Count(d => d.IsAccepted));
        Assert.All(results.Where(d => d.IsRefused), d => Assert.Equal(RuleIds.Ref1, d.RuleId));
        Assert.Equal(new Money(300m), (await f.Get<Order>(OrderId.Key)).RefundReserved);
    }

    [Fact]
    [Trait("Rule", "REF-4")]
    public async Task REF4_paying_settles_the_reservation_and_tells_the_buyer()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 120m))).StateAs<Refund>().Id;
        await f.PaidRefund(id, Day);
        var order = await f.Get<Order>(OrderId.Key);
        Assert.Equal(new Money(120m), order.Refunded);
        Assert.Equal(Money.Zero, order.RefundReserved);
        Assert.Contains(f.Store.Outbox, m => m.Message.Event is CustomerNotificationRequested { Template: "refund-paid" });
        Assert.Equal(RuleIds.Ref1, (await f.Run(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id))).RuleId);
    }

    [Fact]
    [Trait("Rule", "INV-3")]
    public async Task INV3_an_async_credit_note_clears_the_refund_for_payment()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 120m))).StateAs<Refund>().Id;
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id));
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id));
        var requested = await f.Ok(new RequestCreditNote(f.NextId(), ReturnFixture.Finance, Day, id));
        var note = Assert.Single(requested.Events.OfType<CreditNoteRequested>());
        Assert.Equal("INV-O-200", note.InvoiceNumber);
        Assert.Equal(new Money(120m), note.Amount);
        Assert.Equal(RuleIds.Inv3, (await f.Run(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id))).RuleId);

        var later = Day + Duration.FromDays(2);
        var recorded = await f.Ok(new RecordCreditNote(f.NextId(), Actor.System, later, id, "RED-0001"));
        Assert.Equal("RED-0001", recorded.StateAs<Refund>().CreditNoteNumber);
        Assert.Equal(RefundState.Paid, (await f.Ok(new PayRefund(f.NextId(), ReturnFixture.Payer, later, id))).StateAs<Refund>().State);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public async Task ORD2_cancelling_a_paid_order_opens_the_full_refund_on_the_approval_path()
    {
        var f = new ReturnFixture();
        var order = await f.ShippedOrder(OrderId, Day);
        var cancelled = await f.Ok(new CancelOrder(f.NextId(), ReturnFixture.Buyer, Day, OrderId, "changed my mind"));
        Assert.Equal(OrderState.Cancelled, cancelled.StateAs<Order>().State);
        Assert.True(Assert.Single(cancelled.Events.OfType<OrderCancelled>()).InterceptParcel);
        var id = RefundId.ForCancellation(OrderId);
        var refund = await f.Get<Refund>(id.Key);
        Assert.Equal(order.Total, refund.Amount);
        Assert.Equal(ReturnFixture.Buyer.Id, refund.RequestedBy);
        Assert.Equal(order.Total, cancelled.StateAs<Order>().RefundReserved);
        Assert.Equal(RuleIds.Ref2, (await f.Run(new PayRefund(f.NextId(), ReturnFixture.Payer, Day, id))).RuleId);
        await f.PaidRefund(id, Day);
        Assert.Equal(order.Total, (await f.Get<Order>(OrderId.Key)).Refunded);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public async Task ORD2_no_refund_of_a_cancelled_paid_order_is_rejected_so_it_is_refunded_in_full()
    {
        // A partial refund was pending when the buyer cancelled: the cancellation refund covers the rest, so rejecting
        // either would leave the order short of its full refund.
        var f = new ReturnFixture();
        var order = await f.ShippedOrder(OrderId, Day);
        var partial = new RefundId(OrderId, "r1");
        await f.Ok(new RequestRefund(f.NextId(), ReturnFixture.Service, Day, partial, new Money(100m), "goodwill"));
        await f.Ok(new CancelOrder(f.NextId(), ReturnFixture.Buyer, Day, OrderId, "changed my mind"));
        var cancellation = RefundId.ForCancellation(OrderId);
        Assert.Equal(order.Total - new Money(100m), (await f.Get<Refund>(cancellation.Key)).Amount);

        foreach (var id in new[] { partial, cancellation })
        {
            var refused = await f.Run(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, id, "not justified"));
            Assert.Equal(RuleIds.Ord2, refused.RuleId);
            Assert.Equal(RefundState.Requested, (await f.Get<Refund>(id.Key)).State);
        }

        await f.PaidRefund(partial, Day);
        await f.PaidRefund(cancellation, Day);
        Assert.Equal(order.Total, (await f.Get<Order>(OrderId.Key)).Refunded);
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public async Task REF1_a_refund_of_an_order_that_is_not_cancelled_may_still_be_rejected()
    {
        var f = new ReturnFixture();
        await f.ShippedOrder(OrderId, Day);
        var partial = new RefundId(OrderId, "r1");
        await f.Ok(new RequestRefund(f.NextId(), ReturnFixture.Service, Day, partial, new Money(100m), "goodwill"));
        await f.Ok(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, partial, "not justified"));
        Assert.Equal(Money.Zero, (await f.Get<Order>(OrderId.Key)).RefundReserved);
    }

    [Fact]
    [Trait("Rule", "INV-3")]
    public async Task INV3_a_credit_note_nobody_requested_is_refused_naming_INV3()
    {
        var f = await PaidOrder();
        var id = (await f.Ok(Request(f, "r1", 120m))).StateAs<Refund>().Id;
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id));
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id));

        var refused = await f.Run(new RecordCreditNote(f.NextId(), Actor.System, Day, id, "RED-1"));

        Assert.Equal(RuleIds.Inv3, refused.RuleId);
        Assert.Equal(RefundState.Reviewed, (await f.Get<Refund>(id.Key)).State);
    }

    [Fact]
    [Trait("Rule", "INV-3")]
    public async Task INV3_the_system_records_the_credit_note_of_a_refund_the_system_requested()
    {
        // A cancellation by the system (a payment timeout): recording the issuer's credit note is not an approval of
        // the system's own request (REF-3 is about people), so the outbox's follow-up is accepted.
        var f = new ReturnFixture();
        await f.ShippedOrder(OrderId, Day);
        await f.Ok(new CancelOrder(f.NextId(), Actor.System, Day, OrderId, "payment timeout"));
        var id = RefundId.ForCancellation(OrderId);
        Assert.Equal(Actor.System.Id, (await f.Get<Refund>(id.Key)).RequestedBy);
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, id));
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, id));
        await f.Ok(new RequestCreditNote(f.NextId(), ReturnFixture.Finance, Day, id));

        var recorded = await f.Ok(new RecordCreditNote(f.NextId(), Actor.System, Day + Duration.FromHours(1), id, "RED-1"));

        Assert.Equal("RED-1", recorded.StateAs<Refund>().CreditNoteNumber);
        Assert.Equal(RefundState.Paid, (await f.Ok(new PayRefund(f.NextId(), ReturnFixture.Payer, Day + Duration.FromHours(2), id))).StateAs<Refund>().State);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public async Task ORD2_cancelling_an_unpaid_order_opens_no_refund_and_after_receipt_is_refused()
    {
        var f = new ReturnFixture();
        await f.Ok(new PlaceOrder(f.NextId(), ReturnFixture.Service, Day, OrderId, ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));
        await f.Ok(new CancelOrder(f.NextId(), ReturnFixture.Buyer, Day, OrderId));
        Assert.Null(await f.Store.LoadAsync(RefundId.ForCancellation(OrderId).Key));

        var g = new ReturnFixture();
        await g.ReceivedOrder(OrderId, Day);
        Assert.Equal(RuleIds.Ord2, (await g.Run(new CancelOrder(g.NextId(), ReturnFixture.Buyer, Day, OrderId))).RuleId);
    }
}
