using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Sla;
using NodaTime;
using static EcomRules.Tests.Complaints.ComplaintFixture;

namespace EcomRules.Tests.Complaints;

public sealed class FollowUpVisitTests
{
    [Fact]
    [Trait("Rule", "ORD-5")]
    public async Task ORD5_CompletionOpensAFollowUpVisit_DueInThreeWorkingDays_WhichBreachesIfNotMade()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("v1");
        var closes = (await f.P.OrderAsync("v1")).ReturnWindowClosesAt!.Value;
        await f.FireTimersAsync(closes); // auto-completion (ORD-1) asks for the visit
        Assert.Equal(OrderState.Completed, (await f.P.OrderAsync("v1")).State);
        await f.DrainAsync(closes);

        var id = new FollowUpVisitId(order);
        var visit = (FollowUpVisit)(await f.Store.LoadAsync(id.Key))!.State;
        var due = visit.Sla.OriginalBreachAt(f.Engine.Policy.Calendar);
        Assert.Equal(EcomRules.Calendars.Deadline.WorkingDays(3).DueFrom(closes, f.Engine.Policy.Calendar), due);
        Assert.True(due > closes);
        Assert.Equal(due, Assert.Single(f.Store.Outbox.Select(m => m.Message.Event).OfType<FollowUpVisitOpened>()).DueAt);
        Assert.Equal(due, Assert.Single(f.Store.Timers, t => t.Target == id.Key && t.Kind == "sla-breach").DueAt);

        // Delivered twice, the order's request opens one visit.
        Assert.Equal(RefusalCode.AlreadyExists, (await f.Run(new OpenFollowUpVisit(f.NextId(), Actor.System, closes, id))).Code);

        await f.FireTimersAsync(due + Duration.FromMinutes(1));
        var breach = Assert.Single(f.Store.Outbox.Select(m => m.Message.Event).OfType<SlaBreached>(), e => e.Source == id.Key);
        Assert.Equal(("ORD-5", due), (breach.SlaId, breach.BreachAt));

        // Made late, it is recorded as late; made twice, refused naming ORD-5.
        var done = await f.Ok(new RecordFollowUpVisit(f.NextId(), Service, due + Duration.FromHours(1), id, "Happy with the kettle."));
        Assert.False(Assert.Single(done.Events.OfType<FollowUpVisitDone>()).OnTime);
        Assert.Contains(done.Events, e => e is SlaClosed { SlaId: "ORD-5", Outcome: SlaState.Breached });
        await f.Refused(RuleIds.Ord5, new RecordFollowUpVisit(f.NextId(), Service, due + Duration.FromHours(2), id, "again"));

        var read = (FollowUpVisit)EcomRules.Persistence.EcomSerializer.Default.DeserializeAggregate(EcomRules.Persistence.EcomSerializer.Default.SerializeAggregate(done.StateAs<FollowUpVisit>()));
        EcomRules.Tests.Persistence.ValueAssert.Equal(done.StateAs<FollowUpVisit>(), read);
    }

    [Fact]
    [Trait("Rule", "ORD-5")]
    public async Task ORD5_AVisitBeforeCompletion_OrByTheWrongRole_OrWithoutNotes_IsRefusedNamingORD5()
    {
        var f = new ComplaintFixture();
        var order = await f.ReceivedAsync("v2");
        var id = new FollowUpVisitId(order);
        await f.Refused(RuleIds.Ord5, new OpenFollowUpVisit(f.NextId(), Actor.System, Received, id));
        var closes = (await f.P.OrderAsync("v2")).ReturnWindowClosesAt!.Value;
        await f.FireTimersAsync(closes);
        await f.DrainAsync(closes);
        await f.Refused(RuleIds.Sec2, new RecordFollowUpVisit(f.NextId(), Warehouse, closes + Duration.FromHours(1), id, "not service"));
        var blank = await f.Run(new RecordFollowUpVisit(f.NextId(), Service, closes + Duration.FromHours(1), id, " "));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Ord5), (blank.Code, blank.RuleId));
        var done = await f.Ok(new RecordFollowUpVisit(f.NextId(), Service, closes + Duration.FromHours(1), id, "All fine."));
        Assert.True(Assert.Single(done.Events.OfType<FollowUpVisitDone>()).OnTime);
        Assert.DoesNotContain(f.Store.Timers, t => t.Target == id.Key && t.DueAt is not null);
    }
}
