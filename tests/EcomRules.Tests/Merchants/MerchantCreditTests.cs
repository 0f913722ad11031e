using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;

namespace EcomRules.Tests.Merchants;

public sealed class MerchantCreditTests
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public void MER3_the_credit_rating_follows_the_record()
    {
        var f = new MerchantFixture();
        Assert.Equal((100, CreditGrade.A), (f.Admitted().Rating.Score, f.Admitted(new MerchantId("M-2")).Rating.Grade));
        f.Ok<Merchant>(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.ComplaintUpheld, "C-1", "wrong size sent"));
        f.Ok<Merchant>(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.LateDispatch, "O-7", "shipped on day 5"));
        var merchant = f.Ok<Merchant>(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.Breach, "L-3", "false listing"));
        Assert.Equal(new MerchantRecord(1, 1, 1, 0), merchant.Record);
        Assert.Equal((83, CreditGrade.B), (merchant.Rating.Score, merchant.Rating.Grade));
        Assert.Equal([95, 93, 83], f.Events.OfType<MerchantViolationRecorded>().Select(e => e.Score));
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    public void MER3_the_ladder_goes_warning_points_suspension_removal_each_step_audited_with_its_reason()
    {
        var f = new MerchantFixture();
        f.Admitted();
        Assert.Equal(SanctionStep.Warning, f.Ok<Merchant>(f.Sanction(SanctionStep.Warning, "first upheld complaint")).Ladder);
        var deducted = f.Ok<Merchant>(f.Sanction(SanctionStep.PointsDeduction, "second upheld complaint"));
        Assert.Equal((100 - Merchant.PointsPerDeduction, Merchant.PointsPerDeduction), (deducted.Rating.Score, deducted.Record.PointsDeducted));
        var suspended = f.Ok<Merchant>(f.Sanction(SanctionStep.Suspension, "counterfeit goods"));
        Assert.Equal((MerchantState.Suspended, "counterfeit goods"), (suspended.State, suspended.StateReason));

        // Suspended: no new listing, no permission request, and no review lifts a ladder suspension.
        Assert.Equal(RuleIds.Mer3, f.Refused(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, new ListingId("L-1"), MerchantFixture.Shop, "Tea", "Oolong", new Money(30m))).RuleId);
        Assert.Equal(RuleIds.Mer3, f.Refused(new RequestElevatedPermission(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, "P-1", "pre-sale", "season")).RuleId);
        Assert.Equal(RuleIds.Mer3, f.Refused(new ReReviewMerchant(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, true, "fine")).RuleId);

        var removed = f.Ok<Merchant>(f.Sanction(SanctionStep.Removal, "counterfeit goods again"));
        Assert.Equal(MerchantState.Removed, removed.State);
        Assert.Equal([SanctionStep.Warning, SanctionStep.PointsDeduction, SanctionStep.Suspension, SanctionStep.Removal], removed.Sanctions.Select(s => s.Step));

        var audit = f.Store.ReadAuditAsync(MerchantFixture.Shop.Key).Result.Where(a => a.Action == nameof(SanctionMerchant)).ToList();
        Assert.Equal(["first upheld complaint", "second upheld complaint", "counterfeit goods", "counterfeit goods again"], audit.Select(a => a.Why));
        Assert.All(audit, a => Assert.Equal(MerchantFixture.Reviewer.Id, a.ActorId));

        // Removed: final.
        Assert.Equal(RuleIds.Mer3, f.Refused(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.Breach, "L-9", "x")).RuleId);
    }

    [Theory]
    [Trait("Rule", "MER-3")]
    [InlineData(SanctionStep.PointsDeduction)]
    [InlineData(SanctionStep.Suspension)]
    [InlineData(SanctionStep.Removal)]
    public void MER3_no_step_of_the_ladder_is_skipped(SanctionStep step)
    {
        var f = new MerchantFixture();
        f.Admitted();
        var refused = f.Refused(f.Sanction(step));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Mer3), (refused.Code, refused.RuleId));
        Assert.Contains("the next step is 'Warning'", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    public void MER3_a_step_without_a_reason_or_by_a_merchant_is_refused_and_a_step_is_not_repeated()
    {
        var f = new MerchantFixture();
        f.Admitted();
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer3), Code(f.Refused(f.Sanction(SanctionStep.Warning, " "))));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer3), Code(f.Refused(f.Sanction(SanctionStep.None))));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer3), Code(f.Refused(f.Sanction((SanctionStep)9))));
        Assert.Equal(RuleIds.Sec2, f.Refused(new SanctionMerchant(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, SanctionStep.Warning, "x")).RuleId);
        f.Ok<Merchant>(f.Sanction(SanctionStep.Warning));
        Assert.Equal(RuleIds.Mer3, f.Refused(f.Sanction(SanctionStep.Warning)).RuleId);
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer3),
            Code(f.Refused(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.Breach, "", "x"))));
    }

    private static (RefusalCode, RuleId) Code(Decision d) => (d.Code, d.RuleId);
}
