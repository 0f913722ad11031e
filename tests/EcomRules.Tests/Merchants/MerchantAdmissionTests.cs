using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;
using NodaTime;

namespace EcomRules.Tests.Merchants;

public sealed class MerchantAdmissionTests
{
    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_merchant_is_admitted_after_its_qualification_review_with_the_next_review_due_on_a_working_day()
    {
        var f = new MerchantFixture();
        var applied = f.Ok<Merchant>(f.Apply());
        Assert.Equal(MerchantState.UnderReview, applied.State);
        Assert.Equal(MerchantFixture.ValidCode, applied.CreditCode.Value);

        var admitted = f.Ok<Merchant>(f.Review());
        Assert.Equal(MerchantState.Admitted, admitted.State);
        // 2027-03-03 is a Wednesday: a working day, so the review is due on it.
        Assert.Equal(new LocalDate(2027, 3, 3), admitted.ReReviewDue);
        Assert.Equal(new LocalDate(2027, 3, 3), Assert.Single(f.Events.OfType<MerchantReReviewScheduled>()).DueOn);
        var timer = Assert.Single(f.Store.Timers, t => t.Target == MerchantFixture.Shop.Key);
        Assert.Equal(("merchant/M-1/MER-1", "re-review-due"), (timer.TimerId, timer.Kind));
        Assert.Equal(f.Engine.Policy.Calendar.EndOfWorkingDay(new LocalDate(2027, 3, 3)), timer.DueAt);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_review_due_on_a_rest_day_moves_to_the_next_working_day()
    {
        var f = new MerchantFixture();
        // Admitted on Sunday 2026-02-01 with a one-month interval: 2026-03-01 is a Sunday, so the review is due Monday 2 March.
        var admitted = f.Admitted(at: MerchantFixture.At(new LocalDate(2026, 2, 1)), months: 1);
        Assert.Equal(new LocalDate(2026, 3, 2), admitted.ReReviewDue);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_an_invalid_credit_code_is_refused_naming_MER1_and_nothing_is_stored()
    {
        var f = new MerchantFixture();
        var wrongCheck = MerchantFixture.ValidCode[..17] + (MerchantFixture.ValidCode[17] == '3' ? '4' : '3');
        foreach (var code in new[] { wrongCheck, "91350100M000100Y4", "91350100M000100Y43X", "9135010OM000100Y43", "", " " })
        {
            var refused = f.Refused(f.Apply(code: code));
            Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer1), (refused.Code, refused.RuleId));
        }

        Assert.Contains("check character", f.Run(f.Apply(code: wrongCheck)).Reason, StringComparison.Ordinal);
        Assert.Null(f.Merchant(MerchantFixture.Shop));
    }

    [Theory]
    [Trait("Rule", "MER-1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("91350100M000100Y43-0")]
    public void MER1_a_missing_or_malformed_tax_registration_is_refused_naming_MER1(string tax)
    {
        var f = new MerchantFixture();
        var refused = f.Refused(f.Apply(tax: tax));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer1), (refused.Code, refused.RuleId));
        Assert.Contains("tax registration", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_the_review_is_by_operations_and_never_by_the_applicant()
    {
        var f = new MerchantFixture();
        f.Ok<Merchant>(f.Apply());
        Assert.Equal(RuleIds.Sec2, f.Refused(f.Review(by: MerchantFixture.Sales)).RuleId);
        Assert.Equal(RuleIds.Mer1, f.Refused(f.Review(by: new Actor(MerchantFixture.Applicant.Id, ActorRole.Operations))).RuleId);
        Assert.Equal(RuleIds.Mer1, f.Refused(new ReviewQualification(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, true, " ")).RuleId);
        Assert.Equal(RuleIds.Mer1, f.Refused(f.Review(months: 0)).RuleId);

        var rejected = f.Ok<Merchant>(f.Review(approved: false));
        Assert.Equal((MerchantState.Rejected, "licence expired"), (rejected.State, rejected.StateReason));
        Assert.Null(rejected.ReReviewDue);
        Assert.Empty(f.Store.Timers);
        Assert.Equal(RuleIds.Mer1, f.Refused(f.Review()).RuleId);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_lapsed_re_review_suspends_the_merchant_through_its_durable_timer()
    {
        var f = new MerchantFixture();
        var admitted = f.Admitted(months: 1);
        var due = admitted.ReReviewDue!.Value;
        Assert.Equal(new LocalDate(2026, 4, 3), due);

        Assert.Equal(0, f.FireTimers(MerchantFixture.At(due, 12))); // not yet: due at the end of that working day
        Assert.Equal(MerchantState.Admitted, f.Merchant(MerchantFixture.Shop)!.State);

        Assert.Equal(1, f.FireTimers(MerchantFixture.At(due.PlusDays(1))));
        var suspended = f.Merchant(MerchantFixture.Shop)!;
        Assert.Equal(MerchantState.Suspended, suspended.State);
        Assert.Contains("re-review due on 2026-04-03 lapsed", suspended.StateReason, StringComparison.Ordinal);
        var changed = f.Store.ReadAuditAsync(MerchantFixture.Shop.Key).Result[^1];
        Assert.Equal(("LapseMerchantReReview", "Admitted → Suspended"), (changed.Action, changed.Change));

        // A passing review reinstates a merchant suspended only for the lapse, and moves the timer.
        var reinstated = f.Ok<Merchant>(new ReReviewMerchant(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.At(due.PlusDays(2)), MerchantFixture.Shop, true, "renewed licence seen"));
        Assert.Equal(MerchantState.Admitted, reinstated.State);
        Assert.Equal(new LocalDate(2026, 5, 6), reinstated.ReReviewDue); // 2026-05-05 is in the Labour Day holiday (1–5 May)
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_re_review_done_in_time_moves_the_timer_so_nothing_lapses()
    {
        var f = new MerchantFixture();
        f.Admitted(months: 1);
        var passed = f.Ok<Merchant>(new ReReviewMerchant(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.At(new LocalDate(2026, 4, 1)), MerchantFixture.Shop, true, "in order"));
        Assert.Equal(new LocalDate(2026, 5, 6), passed.ReReviewDue);
        f.FireTimers(MerchantFixture.At(new LocalDate(2026, 4, 10)));
        Assert.Equal(MerchantState.Admitted, f.Merchant(MerchantFixture.Shop)!.State);

        // The lapse command fired late for an old due date changes nothing either.
        var stale = f.Run(new LapseMerchantReReview(f.NextId(), Actor.System, MerchantFixture.At(new LocalDate(2026, 4, 4)), MerchantFixture.Shop));
        Assert.True(stale.IsAccepted);
        Assert.Empty(stale.Events);
        Assert.Equal(MerchantState.Admitted, f.Merchant(MerchantFixture.Shop)!.State);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_failed_re_review_suspends_with_the_findings_and_cancels_the_timer()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var failed = f.Ok<Merchant>(new ReReviewMerchant(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, false, "tax registration revoked"));
        Assert.Equal((MerchantState.Suspended, "tax registration revoked"), (failed.State, failed.StateReason));
        Assert.DoesNotContain(f.Store.Timers, t => t.Target == MerchantFixture.Shop.Key);
    }

    [Fact]
    [Trait("Rule", "MER-1")]
    public void MER1_a_re_review_due_in_a_year_without_holiday_data_is_recomputed_when_the_data_is_added()
    {
        var f = new MerchantFixture();
        Assert.Equal(new LocalDate(2027, 3, 3), f.Admitted().ReReviewDue); // 2027 has no built-in data: ordinary weeks (DSP-1)
        var marked = Assert.Single(f.Merchant(MerchantFixture.Shop)!.ProvisionalDeadlines);
        Assert.Equal(("merchant/M-1/MER-1", "re-review-due"), (marked.TimerId, marked.Kind));

        // A (made-up) notice makes 3 March 2027 a day off: the review is then due on the 4th, and the timer moves.
        var policy = f.Engine.Policy.WithHolidayYear(new PublicHolidayYear(2027, "test notice for 2027", [new LocalDate(2027, 3, 3)], []));
        var engine = new EcomEngine(f.Store, policy);
        var decision = engine.ExecuteAsync(new RecomputeDeadlines(f.NextId(), Actor.System, MerchantFixture.Now, MerchantFixture.Shop.Key, "test notice for 2027")).AsTask().Result;
        Assert.True(decision.IsAccepted, decision.Reason);
        var merchant = decision.StateAs<Merchant>();
        Assert.Equal(new LocalDate(2027, 3, 4), merchant.ReReviewDue);
        Assert.Empty(merchant.ProvisionalDeadlines);
        Assert.Contains(f.Store.Timers, t => t.Kind == "re-review-due" && t.DueAt == policy.Calendar.EndOfWorkingDay(new LocalDate(2027, 3, 4)));
    }
}
