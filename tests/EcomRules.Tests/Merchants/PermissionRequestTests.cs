using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;
using NodaTime;

namespace EcomRules.Tests.Merchants;

public sealed class PermissionRequestTests
{
    private static RequestElevatedPermission Request(MerchantFixture f, Instant? at = null, string number = "P-1")
        => new(f.NextId(), MerchantFixture.Applicant, at ?? MerchantFixture.Now, MerchantFixture.Shop, number, "cross-border", "selling to Hong Kong");

    [Fact]
    [Trait("Rule", "MER-4")]
    public void MER4_a_permission_request_is_due_within_five_working_days()
    {
        var f = new MerchantFixture();
        f.Admitted();
        // Tuesday 2026-03-03: five working days (Mon–Sat) later is Monday 2026-03-09.
        var merchant = f.Ok<Merchant>(Request(f));
        var request = Assert.Single(merchant.PermissionRequests);
        var dueAt = f.Engine.Policy.Calendar.EndOfWorkingDay(new LocalDate(2026, 3, 9));
        Assert.Equal((PermissionRequestState.Pending, dueAt), (request.State, request.DueAt));
        Assert.Contains(f.Store.Timers, t => t.TimerId == "merchant/M-1/MER-4/P-1" && t.Kind == "permission-decision-due" && t.DueAt == dueAt);
    }

    [Fact]
    [Trait("Rule", "MER-4")]
    public void MER4_the_five_working_days_skip_public_holidays()
    {
        var f = new MerchantFixture();
        f.Admitted();
        // Thursday 2026-04-30: 1–5 May is the Labour Day holiday, so the fifth working day is Monday 11 May.
        var request = Assert.Single(f.Ok<Merchant>(Request(f, MerchantFixture.At(new LocalDate(2026, 4, 30)))).PermissionRequests);
        var dueOn = f.Engine.Policy.Calendar.DateOf(request.DueAt);
        Assert.True(f.Engine.Policy.Calendar.IsWorkingDay(dueOn));
        Assert.Equal(5, Enumerable.Range(1, 15).Select(d => new LocalDate(2026, 4, 30).PlusDays(d)).TakeWhile(d => d <= dueOn).Count(f.Engine.Policy.Calendar.IsWorkingDay));
    }

    [Fact]
    [Trait("Rule", "MER-4")]
    public void MER4_a_decision_in_time_cancels_the_timer()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Merchant>(Request(f));
        Assert.Equal(RuleIds.Sec2, f.Refused(new DecidePermissionRequest(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, "P-1", true, "mine")).RuleId);
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer4), Code(f.Refused(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, "P-1", true, ""))));
        var decided = f.Ok<Merchant>(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.At(new LocalDate(2026, 3, 5)), MerchantFixture.Shop, "P-1", true, "customs registration seen"));
        var request = Assert.Single(decided.PermissionRequests);
        Assert.Equal((PermissionRequestState.Granted, false, "ops-1"), (request.State, request.Overdue, request.DecidedBy));
        Assert.False(Assert.Single(f.Events.OfType<PermissionDecided>()).Late);
        Assert.DoesNotContain(f.Store.Timers, t => t.Kind == "permission-decision-due");
        Assert.Equal(RuleIds.Mer4, f.Refused(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, "P-1", false, "again")).RuleId);
    }

    [Theory]
    [Trait("Rule", "MER-4")]
    [InlineData(-1, false)]
    [InlineData(0, true)] // at the due instant: its timer marks the request overdue at that instant
    public void MER4_a_decision_is_late_from_the_due_instant_as_its_timer_counts_it(int secondsFromDue, bool late)
    {
        var f = new MerchantFixture();
        f.Admitted();
        var request = Assert.Single(f.Ok<Merchant>(Request(f)).PermissionRequests);

        var decided = f.Ok<Merchant>(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, request.DueAt + Duration.FromSeconds(secondsFromDue), MerchantFixture.Shop, "P-1", true, "customs registration seen"));

        Assert.Equal(late, Assert.Single(f.Events.OfType<PermissionDecided>()).Late);
        Assert.Equal(late, Assert.Single(decided.PermissionRequests).Overdue);
    }

    [Fact]
    [Trait("Rule", "MER-4")]
    public void MER4_an_undecided_request_is_marked_overdue_by_its_durable_timer_once()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var request = Assert.Single(f.Ok<Merchant>(Request(f)).PermissionRequests);
        Assert.Equal(0, f.FireTimers(request.DueAt - Duration.FromMinutes(1)));
        Assert.Equal(1, f.FireTimers(request.DueAt));
        Assert.True(Assert.Single(f.Merchant(MerchantFixture.Shop)!.PermissionRequests).Overdue);
        Assert.Equal(0, f.FireTimers(request.DueAt + Duration.FromDays(2))); // completed: fires once
        Assert.Equal("P-1", Assert.Single(f.Store.Outbox.Select(m => m.Message.Event).OfType<PermissionDecisionOverdue>()).Request);

        var late = f.Ok<Merchant>(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, request.DueAt + Duration.FromDays(1), MerchantFixture.Shop, "P-1", false, "no customs registration"));
        Assert.Equal(PermissionRequestState.Denied, Assert.Single(late.PermissionRequests).State);
        Assert.True(f.Events.OfType<PermissionDecided>().Single().Late);
    }

    [Fact]
    [Trait("Rule", "MER-4")]
    public void MER4_bad_requests_are_refused_naming_the_rule()
    {
        var f = new MerchantFixture();
        Assert.Equal(RefusalCode.NotFound, f.Refused(Request(f)).Code);
        f.Ok<Merchant>(f.Apply());
        Assert.Equal(RuleIds.Mer1, f.Refused(Request(f)).RuleId); // not admitted yet
        f.Ok<Merchant>(f.Review());
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer4), Code(f.Refused(Request(f, number: "P/1"))));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer4),
            Code(f.Refused(new RequestElevatedPermission(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, "P-2", "pre-sale", " "))));
        f.Ok<Merchant>(Request(f));
        Assert.Equal(RefusalCode.AlreadyExists, f.Refused(Request(f)).Code);
    }

    private static (RefusalCode, RuleId) Code(Decision d) => (d.Code, d.RuleId);
}
