using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Returns;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Merchants.CreditFeedFixture;

namespace EcomRules.Tests.Merchants;

/// <summary>The library feeds a merchant's record itself (MER-3): late dispatches of its orders (ORD-3) and complaints upheld against it (AFS-1, AFS-2).</summary>
public sealed class MerchantRecordFeedTests
{
    [Theory]
    [Trait("Rule", "ORD-3")]
    [Trait("Rule", "MER-3")]
    [MemberData(nameof(Kinds), MemberType = typeof(CreditFeedFixture))]
    public async Task ORD3_MER3_a_late_dispatch_lowers_its_merchants_rating_by_its_weight_once_even_when_delivered_twice(string kind)
    {
        using var f = new CreditFeedFixture(kind);
        await f.AdmitAsync();
        var order = await f.ShippedAsync("o1", Tea, Late);
        Assert.Equal((OrderState.Shipped, false, Tea), (order.State, order.ShippedOnTime, order.Merchant));

        var merchant = await f.MerchantAsync();
        Assert.Equal(new MerchantRecord(0, 1, 0, 0), merchant.Record);
        Assert.Equal(MerchantRecord.FullScore - MerchantRecord.LateDispatchWeight, merchant.Rating.Score);
        var audit = Assert.Single(await f.Store.ReadAuditAsync(Tea.Key), a => a.Action == nameof(RecordMerchantViolation));
        Assert.Equal((Actor.System.Id, ActorRole.System), (audit.ActorId, audit.ActorRole)); // audited as the system

        // The outbox delivers the message again (a crash before its completion): the record counts the order once.
        Assert.Equal(1, await f.DeliverAgainAsync<MerchantDispatchedLate>(Late + Duration.FromHours(1)));
        Assert.Equal(new MerchantRecord(0, 1, 0, 0), (await f.MerchantAsync()).Record);
        Assert.Single(await f.Store.ReadAuditAsync(Tea.Key), a => a.Action == nameof(RecordMerchantViolation));
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public async Task ORD3_an_order_without_a_merchant_or_dispatched_on_time_feeds_nothing()
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        var platformOrder = await f.ShippedAsync("o2", null, Late);
        Assert.Equal((false, (MerchantId?)null), (platformOrder.ShippedOnTime, platformOrder.Merchant));
        var onTime = await f.ShippedAsync("o3", Tea, T0 + Duration.FromHours(1));
        Assert.Equal((true, Tea), (onTime.ShippedOnTime, onTime.Merchant));

        Assert.DoesNotContain(f.Claimed, e => e is MerchantDispatchedLate);
        Assert.Equal(MerchantRecord.Clean, (await f.MerchantAsync()).Record);
    }

    [Theory]
    [Trait("Rule", "AFS-1")]
    [Trait("Rule", "MER-3")]
    [MemberData(nameof(Kinds), MemberType = typeof(CreditFeedFixture))]
    public async Task AFS1_MER3_an_upheld_complaint_lowers_the_rating_once_and_one_not_upheld_not_at_all(string kind)
    {
        using var f = new CreditFeedFixture(kind);
        await f.AdmitAsync();
        await f.Ok(f.Place("o1", Tea));
        await FileAsync(f, "K1", "o1");
        await f.Ok(new AnswerComplaint(f.NextId(), Service, T0 + Duration.FromHours(2), new ComplaintId("K1"), "We sent the wrong tea; a refund follows.", UpheldAgainstMerchant: true));
        await f.Ok(new AcceptComplaintAnswer(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(3), new ComplaintId("K1")));
        await FileAsync(f, "K2", "o1");
        await f.Ok(new AnswerComplaint(f.NextId(), Service, T0 + Duration.FromHours(2), new ComplaintId("K2"), "The tea is as listed."));
        await f.Ok(new AcceptComplaintAnswer(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(3), new ComplaintId("K2")));
        await f.P.DrainAsync(T0 + Duration.FromHours(4));

        var upheld = await f.ComplaintAsync("K1");
        Assert.Equal((Tea, true, ComplaintState.Closed), (upheld.Merchant, upheld.Upheld, upheld.State));
        Assert.Equal((Tea, false), ((await f.ComplaintAsync("K2")).Merchant, (await f.ComplaintAsync("K2")).Upheld));
        var merchant = await f.MerchantAsync();
        Assert.Equal(new MerchantRecord(1, 0, 0, 0), merchant.Record);
        Assert.Equal(MerchantRecord.FullScore - MerchantRecord.ComplaintWeight, merchant.Rating.Score);

        Assert.Equal(1, await f.DeliverAgainAsync<ComplaintUpheldAgainstMerchant>(T0 + Duration.FromHours(5)));
        Assert.Equal(new MerchantRecord(1, 0, 0, 0), (await f.MerchantAsync()).Record);
    }

    [Fact]
    [Trait("Rule", "AFS-2")]
    [Trait("Rule", "MER-3")]
    public async Task AFS2_MER3_the_last_finding_counts_mediation_and_arbitration_replace_the_answers()
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        await f.Ok(f.Place("o1", Tea));
        var at = T0 + Duration.FromHours(2);

        // Upheld by the answer, disputed, settled in mediation without upholding it: nothing counts.
        var k3 = await FileAsync(f, "K3", "o1");
        await f.Ok(new AnswerComplaint(f.NextId(), Service, at, k3, "You are right.", UpheldAgainstMerchant: true));
        await f.Ok(new DisputeComplaint(f.NextId(), OrderScenario.Customer, at, k3, "I want more."));
        await f.Ok(new RecordMediationOutcome(f.NextId(), Service, at, k3, true, "Goodwill voucher; the merchant was not at fault."));

        // Not upheld by the answer, mediation fails, the award upholds it: counts once.
        var k4 = await FileAsync(f, "K4", "o1");
        await f.Ok(new AnswerComplaint(f.NextId(), Service, at, k4, "The tea is as listed."));
        await f.Ok(new DisputeComplaint(f.NextId(), OrderScenario.Customer, at, k4, "It is not."));
        var refused = await f.Engine.ExecuteAsync(new RecordMediationOutcome(f.NextId(), Service, at, k4, false, "No agreement.", UpheldAgainstMerchant: true));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Afs2), (refused.Code, refused.RuleId)); // a failed mediation finds nothing
        await f.Ok(new RecordMediationOutcome(f.NextId(), Service, at, k4, false, "No agreement."));
        await f.Ok(new RecordArbitrationAward(f.NextId(), Service, at, k4, "The merchant refunds in full.", UpheldAgainstMerchant: true));

        // Escalated, the department head's decision upholds it, the customer accepts: counts once.
        var k5 = await FileAsync(f, "K5", "o1");
        await f.Ok(new EscalateComplaint(f.NextId(), Service, at, k5, "needs a refund beyond my limit"));
        await f.Ok(new DecideComplaint(f.NextId(), new Actor("head-1", ActorRole.ServiceDepartmentHead), at, k5, "Full refund.", UpheldAgainstMerchant: true));
        await f.Ok(new AcceptComplaintAnswer(f.NextId(), OrderScenario.Customer, at, k5));
        await f.P.DrainAsync(at + Duration.FromHours(1));

        Assert.Equal((false, true, true), ((await f.ComplaintAsync("K3")).Upheld, (await f.ComplaintAsync("K4")).Upheld, (await f.ComplaintAsync("K5")).Upheld));
        Assert.Equal(new MerchantRecord(2, 0, 0, 0), (await f.MerchantAsync()).Record);
        Assert.Equal([k4.Key, k5.Key], f.Claimed.OfType<ComplaintUpheldAgainstMerchant>().Select(e => e.Source).OrderBy(k => k.Id, StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Rule", "AFS-1")]
    [Trait("Rule", "MER-3")]
    public async Task AFS1_MER3_a_complaint_closed_with_its_return_case_counts_only_when_a_finding_upheld_it()
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        await f.ShippedAsync("o5", Tea, T0 + Duration.FromHours(1));
        var received = T0 + Duration.FromDays(1);
        await f.Ok(new RecordTrackingEvent(f.NextId(), Actor.System, received, new OrderId("o5"), TrackingEventKind.Signed));
        var caseId = new ReturnCaseId(new OrderId("o5"), "R1");
        var at = received + Duration.FromHours(1);
        await f.Ok(Processing.TimerHandlerRegistryTests.Request(caseId, ReturnKind.Return, at));
        var answered = (await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, at, new ComplaintId("K6"), caseId.Order, caseId, "The kettle leaks"))).StateAs<Complaint>().Id;
        var unanswered = (await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, at, new ComplaintId("K7"), caseId.Order, caseId, "The lid is cracked"))).StateAs<Complaint>().Id;
        await f.Ok(new AnswerComplaint(f.NextId(), Service, at + Duration.FromMinutes(30), answered, "The merchant sent a faulty kettle.", UpheldAgainstMerchant: true));
        await f.Ok(new DecideReturn(f.NextId(), Service, at + Duration.FromHours(1), caseId, false, "outside the return standard"));
        await f.P.DrainAsync(at + Duration.FromHours(2));
        await f.P.DrainAsync(at + Duration.FromHours(2));

        Assert.All([await f.ComplaintAsync("K6"), await f.ComplaintAsync("K7")], c => Assert.Equal(ComplaintResolution.ReturnCaseResolved, c.Resolution));
        var source = Assert.Single(f.Claimed.OfType<ComplaintUpheldAgainstMerchant>()).Source;
        Assert.Equal(answered.Key, source);
        Assert.NotEqual(unanswered.Key, source);
        Assert.Equal(new MerchantRecord(1, 0, 0, 0), (await f.MerchantAsync()).Record);
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    [Trait("Rule", "MER-1")]
    public async Task MER3_new_orders_of_a_suspended_merchant_are_refused_and_stored_nowhere_while_its_paid_orders_ship_and_refund()
    {
        using var f = new CreditFeedFixture();
        await f.Ok(new ApplyForAdmission(f.NextId(), MerchantFixture.Applicant, T0, new MerchantId("M-NEW"), "Xiamen New Co., Ltd.", MerchantFixture.ValidCode, MerchantFixture.ValidCode));
        await f.AdmitAsync();
        await f.AllocatedAsync("p1", Tea);
        await f.Ok(f.Place("p2", Tea));
        await f.Ok(new PayOrder(f.NextId(), Actor.System, T0 + Duration.FromMinutes(5), new OrderId("p2"), (await f.OrderAsync("p2")).Total));

        foreach (var step in new[] { SanctionStep.Warning, SanctionStep.PointsDeduction, SanctionStep.Suspension })
        {
            await f.Ok(new SanctionMerchant(f.NextId(), MerchantFixture.Reviewer, T0 + Duration.FromMinutes(40), Tea, step, "counterfeit tea"));
        }

        Assert.Equal(MerchantState.Suspended, (await f.MerchantAsync()).State);
        var refused = await RefusedAsync(f, f.Place("p3", Tea, T0 + Duration.FromHours(1)));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Mer3), (refused.Code, refused.RuleId));
        Assert.Contains("sells nothing new", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(RuleIds.Mer1, (await RefusedAsync(f, f.Place("p4", new MerchantId("M-NEW")))).RuleId); // not admitted yet
        Assert.Equal(RefusalCode.NotFound, (await RefusedAsync(f, f.Place("p5", new MerchantId("M-NONE")))).Code);
        var blank = await RefusedAsync(f, f.Place("p7", default(MerchantId)));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer1), (blank.Code, blank.RuleId));
        Assert.True((await f.Engine.ExecuteAsync(f.Place("p6", null, T0 + Duration.FromHours(1)))).IsAccepted); // the platform's own orders go on

        // What was paid before the suspension continues: the allocated order ships, the paid one is cancelled with its refund (a buyer's refund never stops).
        await f.P.DrainAsync(T0 + Duration.FromHours(2));
        await f.P.DrainAsync(T0 + Duration.FromHours(2));
        Assert.Equal(OrderState.Shipped, (await f.OrderAsync("p1")).State);
        await f.Ok(new CancelOrder(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(2), new OrderId("p2"), "changed my mind"));
        var cancelled = await f.OrderAsync("p2");
        Assert.Equal((OrderState.Cancelled, cancelled.Paid), (cancelled.State, cancelled.RefundReserved));
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    [Trait("Rule", "SEC-2")]
    public async Task MER3_the_system_records_a_violation_audited_as_the_system_and_other_roles_stay_refused()
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        RecordMerchantViolation By(Actor actor) => new(f.NextId(), actor, T0, Tea, ViolationKind.LateDispatch, "O-9", "dispatched on day 5");

        await f.Ok(By(Actor.System));
        await f.Ok(By(MerchantFixture.Reviewer));
        foreach (var actor in new[] { MerchantFixture.Applicant, MerchantFixture.Sales, Service })
        {
            Assert.Equal(RuleIds.Sec2, (await RefusedAsync(f, By(actor))).RuleId);
        }

        Assert.Equal(new MerchantRecord(0, 2, 0, 0), (await f.MerchantAsync()).Record);
        Assert.Equal([ActorRole.System, ActorRole.Operations],
            (await f.Store.ReadAuditAsync(Tea.Key)).Where(a => a.Action == nameof(RecordMerchantViolation)).Select(a => a.ActorRole));
    }

    private static async Task<ComplaintId> FileAsync(CreditFeedFixture f, string number, string order)
    {
        var id = new ComplaintId(number);
        await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(1), id, new OrderId(order), null, "The tea is not what was listed"));
        return id;
    }

    /// <summary>Runs a command that must be refused and checks it stored nothing under its target.</summary>
    private static async Task<Decision> RefusedAsync(CreditFeedFixture f, EcomCommand command)
    {
        var before = await f.Store.LoadAsync(command.Target);
        var audit = (await f.Store.ReadAuditAsync(command.Target)).Count;
        var decision = await f.Engine.ExecuteAsync(command);
        Assert.True(decision.IsRefused, $"{command.Action} was accepted");
        Assert.Equal(before, await f.Store.LoadAsync(command.Target));
        Assert.Equal(audit, (await f.Store.ReadAuditAsync(command.Target)).Count);
        return decision;
    }
}
