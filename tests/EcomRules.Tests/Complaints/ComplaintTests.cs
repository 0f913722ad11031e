using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Returns;
using EcomRules.Sla;
using NodaTime;
using static EcomRules.Tests.Complaints.ComplaintFixture;

namespace EcomRules.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly Instant Filed = Received + Duration.FromHours(2);

    [Fact]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_ComplaintIsRecordedWithTheDemand_AndTheAnswerGoesToTheCustomerBySms()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c1");
        var filed = await f.Ok(f.File("K1", order, Filed));
        var complaint = filed.StateAs<Complaint>();
        Assert.Equal((ComplaintState.Received, "Refund the damaged kettle", order.Key), (complaint.State, complaint.Demand, complaint.Concerns));
        Assert.DoesNotContain("kettle", complaint.ToString(), StringComparison.Ordinal); // SEC-1: the demand is not in the description
        Assert.All(f.Store.AuditTrail, a => Assert.DoesNotContain("kettle", a.ToString(), StringComparison.Ordinal)); // nor in the audit trail
        Assert.All(filed.Events, e => Assert.DoesNotContain(complaint.CustomerPhone.Value, e.ToString(), StringComparison.Ordinal)); // the phone is masked

        var answered = await f.Ok(new AnswerComplaint(f.NextId(), Service, Filed + Duration.FromHours(3), complaint.Id, "A replacement ships tomorrow."));
        var after = answered.StateAs<Complaint>();
        Assert.Equal((ComplaintState.Answered, "A replacement ships tomorrow.", "cs-1"), (after.State, after.Answer, after.AnsweredBy));
        Assert.Equal(SlaTimerPhase.Stopped, after.AnswerSla.Phase);
        Assert.Contains(answered.Events, e => e is SlaClosed { SlaId: "SLA-6", Outcome: SlaState.Met });
        Assert.DoesNotContain(f.Store.Timers, t => t.Target == complaint.Id.Key && t.DueAt is not null); // SLA-6 timers cancelled

        await f.DrainAsync(Filed + Duration.FromHours(4));
        var sms = Assert.Single(f.Notifier.Sent, n => n.Template == "complaint-answered");
        Assert.Equal(complaint.CustomerPhone, sms.Recipient);
        Assert.EndsWith("A replacement ships tomorrow.", sms.Text, StringComparison.Ordinal);
        Assert.Single(f.Notifier.Sent, n => n.Template == "complaint-received");
        await f.Ok(new AcceptComplaintAnswer(f.NextId(), Buyer, Filed + Duration.FromHours(5), complaint.Id));
        Assert.Equal((ComplaintState.Closed, ComplaintResolution.AnswerAccepted), ((await f.Get(complaint.Id)).State, (await f.Get(complaint.Id)).Resolution));
    }

    [Fact]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_WhatServiceCannotAnswer_GoesToTheDepartmentHead_WhoseDecisionGoesBackBySms()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c2");
        var id = (await f.Ok(f.File("K2", order, Filed))).StateAs<Complaint>().Id;
        await f.Refused(RuleIds.Afs1, new DecideComplaint(f.NextId(), Head, Filed, id, "too early")); // not escalated
        await f.Refused(RuleIds.Sec2, new EscalateComplaint(f.NextId(), Buyer, Filed, id, "customers do not escalate"));

        var escalated = await f.Ok(new EscalateComplaint(f.NextId(), Service, Filed + Duration.FromHours(1), id, "Compensation above service's authority."));
        Assert.Equal(ComplaintState.Escalated, escalated.StateAs<Complaint>().State);
        Assert.Equal(SlaTimerPhase.Running, escalated.StateAs<Complaint>().AnswerSla.Phase); // the head answers within the same SLA-6
        await f.Refused(RuleIds.Afs1, new AnswerComplaint(f.NextId(), Service, Filed + Duration.FromHours(2), id, "service answers anyway"));
        await f.Refused(RuleIds.Afs1, new DecideComplaint(f.NextId(), Service, Filed + Duration.FromHours(2), id, "not the head"));
        await f.Refused(RuleIds.Afs1, new DecideComplaint(f.NextId(), Head, Filed + Duration.FromHours(2), id, "   "));

        var decided = await f.Ok(new DecideComplaint(f.NextId(), Head, Filed + Duration.FromHours(3), id, "We refund 200.00 yuan as compensation."));
        var answered = Assert.Single(decided.Events.OfType<ComplaintAnswered>());
        Assert.True(answered.ByDepartmentHead);
        Assert.Equal(("head-1", ComplaintState.Answered), (decided.StateAs<Complaint>().AnsweredBy, decided.StateAs<Complaint>().State));
        await f.DrainAsync(Filed + Duration.FromHours(4));
        Assert.Contains(f.Notifier.Sent, n => n.Template == "complaint-answered" && n.Text.Contains("200.00 yuan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_AComplaintWithoutADemand_IsRefusedNamingAFS1_AndNothingIsStored(string demand)
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c3");
        var refused = await f.Run(f.File("K3", order, Filed, demand: demand));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Afs1), (refused.Code, refused.RuleId));
        Assert.Null(await f.Store.LoadAsync(new ComplaintId("K3").Key));
        Assert.DoesNotContain(f.Store.Timers, t => t.Target.Kind == ComplaintId.Kind);
    }

    [Fact]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_AReturnCaseOfAnotherOrder_IsRefusedNamingAFS1()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c4");
        var refused = await f.Run(f.File("K4", order, Filed, new ReturnCaseId(new OrderId("other"), "R1")));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Afs1), (refused.Code, refused.RuleId));
        Assert.Equal(RefusalCode.NotFound, (await f.Run(f.File("K4", new OrderId("missing"), Filed))).Code);
    }

    [Fact]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_AComplaintNeverClosesUnanswered()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c5");
        var id = (await f.Ok(f.File("K5", order, Filed))).StateAs<Complaint>().Id;
        await f.Refused(RuleIds.Afs1, new AcceptComplaintAnswer(f.NextId(), Buyer, Filed, id));
        await f.Refused(RuleIds.Afs1, new DisputeComplaint(f.NextId(), Buyer, Filed, id, "no answer yet"));
        await f.Refused(RuleIds.Afs1, new AnswerComplaint(f.NextId(), Service, Filed, id, "  "));
        Assert.Equal(ComplaintState.Received, (await f.Get(id)).State);
    }

    [Fact]
    [Trait("Rule", "AFS-2")]
    public async Task AFS2_ADisputeGoesToMediation_ThenArbitration_EachOutcomeRecorded()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c6");
        var id = (await f.Ok(f.File("K6", order, Filed))).StateAs<Complaint>().Id;
        await f.Ok(new AnswerComplaint(f.NextId(), Service, Filed + Duration.FromHours(1), id, "No refund: the seal is broken."));
        await f.Ok(new DisputeComplaint(f.NextId(), Buyer, Filed + Duration.FromHours(2), id, "It arrived broken."));
        Assert.Equal(ComplaintState.InMediation, (await f.Get(id)).State);
        await f.Refused(RuleIds.Afs2, new AcceptComplaintAnswer(f.NextId(), Buyer, Filed + Duration.FromHours(3), id));
        await f.Refused(RuleIds.Afs2, new RecordArbitrationAward(f.NextId(), Service, Filed + Duration.FromHours(3), id, "too early"));
        await f.Refused(RuleIds.Sec2, new RecordMediationOutcome(f.NextId(), Buyer, Filed + Duration.FromHours(3), id, true, "the buyer mediates"));
        await f.Refused(RuleIds.Afs2, new RecordMediationOutcome(f.NextId(), Service, Filed + Duration.FromHours(3), id, false, ""));

        var failed = await f.Ok(new RecordMediationOutcome(f.NextId(), Service, Filed + Duration.FromDays(2), id, false, "No agreement on the refund."));
        Assert.Equal((ComplaintState.InArbitration, "No agreement on the refund."), (failed.StateAs<Complaint>().State, failed.StateAs<Complaint>().MediationOutcome));
        var awarded = await f.Ok(new RecordArbitrationAward(f.NextId(), Head, Filed + Duration.FromDays(20), id, "Refund half the price."));
        var closed = awarded.StateAs<Complaint>();
        Assert.Equal((ComplaintState.Closed, ComplaintResolution.Arbitrated, "Refund half the price."), (closed.State, closed.Resolution, closed.ArbitrationAward));
        Assert.Equal([ComplaintState.InMediation, ComplaintState.InArbitration],
            f.Store.Outbox.Select(m => m.Message.Event).OfType<DisputeOutcomeRecorded>().Select(e => e.Stage).ToArray());
        Assert.NotNull(closed.Answer);
        await f.DrainAsync(Filed + Duration.FromDays(21));
        Assert.Contains(f.Notifier.Sent, n => n.Template == "complaint-arbitrated");
    }

    [Fact]
    [Trait("Rule", "AFS-2")]
    public async Task AFS2_ASettledMediation_ClosesTheComplaint()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c7");
        var id = (await f.Ok(f.File("K7", order, Filed))).StateAs<Complaint>().Id;
        await f.Ok(new AnswerComplaint(f.NextId(), Service, Filed + Duration.FromHours(1), id, "No refund."));
        await f.Ok(new DisputeComplaint(f.NextId(), Service, Filed + Duration.FromHours(2), id, "The customer disagrees."));
        var settled = (await f.Ok(new RecordMediationOutcome(f.NextId(), Service, Filed + Duration.FromDays(1), id, true, "A 50 yuan voucher."))).StateAs<Complaint>();
        Assert.Equal((ComplaintState.Closed, ComplaintResolution.SettledInMediation, "A 50 yuan voucher."), (settled.State, settled.Resolution, settled.MediationOutcome));
        await f.Refused(RuleIds.Afs1, new DisputeComplaint(f.NextId(), Buyer, Filed + Duration.FromDays(2), id, "again"));
    }

    [Theory]
    [InlineData(false, 24)]
    [InlineData(true, 48)]
    [Trait("Rule", "SLA-6")]
    public async Task SLA6_TheAnswerIsDueIn24Hours_Or48InASpecialCase_WithDurableTimers(bool special, int hours)
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c8");
        var filed = await f.Ok(f.File("K8", order, Filed, special: special));
        Assert.Equal(Filed + Duration.FromHours(hours), Assert.Single(filed.Events.OfType<ComplaintFiled>()).AnswerDueAt);
        var key = new ComplaintId("K8").Key;
        Assert.Equal(Filed + Duration.FromHours(hours), Assert.Single(f.Store.Timers, t => t.Target == key && t.Kind == "sla-breach").DueAt);
        Assert.Equal("complaint/K8/SLA-6/warning-1", Assert.Single(f.Store.Timers, t => t.Target == key && t.Kind == "sla-warning").TimerId); // the next when it fires (SLA-8)

        // Unanswered, the warnings reach staff and the breach is recorded (SLA-8).
        await f.FireTimersAsync(Filed + Duration.FromHours(hours + 1));
        var breached = Assert.Single(f.Store.Outbox.Select(m => m.Message.Event).OfType<SlaBreached>(), e => e.Source == key);
        Assert.Equal(("SLA-6", Filed + Duration.FromHours(hours)), (breached.SlaId, breached.BreachAt));
        await f.DrainAsync(Filed + Duration.FromHours(hours + 1));
        Assert.Equal(2, f.Notifier.SentToStaff.Count(n => n.Subject == key));

        // Persisted and read back, the special case keeps its 48 hours.
        var stored = await f.Get(new ComplaintId("K8"));
        var read = (Complaint)EcomRules.Persistence.EcomSerializer.Default.DeserializeAggregate(EcomRules.Persistence.EcomSerializer.Default.SerializeAggregate(stored));
        Assert.Equal(Duration.FromHours(hours), ((EcomRules.Calendars.ElapsedDeadline)read.AnswerSla.Definition.Goal).Duration);
    }

    [Fact]
    [Trait("Rule", "AFS-1")]
    public async Task AFS1_AComplaintAboutAReturnCase_ClosesWhenTheCaseEnds_ThroughTheOutbox()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("c9");
        var caseId = new ReturnCaseId(order, "R1");
        var at = Received + Duration.FromHours(1);
        await f.Ok(TimerHandlerRegistryTestsAccess.Request(caseId, at));
        var id = (await f.Ok(f.File("K9", order, at + Duration.FromMinutes(5), caseId))).StateAs<Complaint>().Id;
        var other = (await f.Ok(f.File("K9b", order, at + Duration.FromMinutes(6), caseId))).StateAs<Complaint>().Id;
        await f.Ok(new AnswerComplaint(f.NextId(), Service, at + Duration.FromMinutes(30), other, "Your return is being handled."));
        Assert.Equal(caseId.Key, (await f.Get(id)).Concerns);
        await f.Refused(RuleIds.Afs1, new CloseComplaintWithReturnCase(f.NextId(), Actor.System, at, id, caseId)); // the case has not ended

        await f.Ok(new DecideReturn(f.NextId(), Service, at + Duration.FromHours(1), caseId, false, "outside the return standard"));
        await f.DrainAsync(at + Duration.FromHours(2));

        var closed = await f.Get(id);
        Assert.Equal((ComplaintState.Closed, ComplaintResolution.ReturnCaseResolved), (closed.State, closed.Resolution));
        Assert.Contains("Rejected", closed.Answer, StringComparison.Ordinal); // the case's outcome answered it
        Assert.Equal(SlaTimerPhase.Stopped, closed.AnswerSla.Phase);
        var answeredFirst = await f.Get(other);
        Assert.Equal((ComplaintState.Closed, "Your return is being handled."), (answeredFirst.State, answeredFirst.Answer));

        // Delivered again, nothing happens twice.
        var version = (await f.Store.LoadAsync(id.Key))!.Version;
        Assert.True((await f.Run(new CloseComplaintWithReturnCase(f.NextId(), Actor.System, at + Duration.FromHours(3), id, caseId))).IsAccepted);
        Assert.Equal(version, (await f.Store.LoadAsync(id.Key))!.Version);
        await f.Refused(RuleIds.Afs1, new CloseComplaintWithReturnCase(f.NextId(), Actor.System, at + Duration.FromHours(3), id, new ReturnCaseId(order, "R2")));
    }
}

/// <summary>Makes a return request the way the processing tests do.</summary>
internal static class TimerHandlerRegistryTestsAccess
{
    public static RequestReturn Request(ReturnCaseId id, Instant at) => Processing.TimerHandlerRegistryTests.Request(id, ReturnKind.Return, at);
}
