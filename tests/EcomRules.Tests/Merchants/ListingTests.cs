using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;

namespace EcomRules.Tests.Merchants;

public sealed class ListingTests
{
    private static readonly ListingId Tea = new("L-1");

    private static SubmitListing Submit(MerchantFixture f, string description = "Anxi Tieguanyin, 250 g, harvested spring 2026", decimal price = 88m, MerchantId? merchant = null)
        => new(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, Tea, merchant ?? MerchantFixture.Shop, "Oolong tea", description, new Money(price));

    private static ReviewListing Review(MerchantFixture f, bool legal = true, bool truthful = true, bool complete = true, string? findings = null, Actor? by = null)
        => new(f.NextId(), by ?? MerchantFixture.Reviewer, MerchantFixture.Now, Tea, legal, truthful, complete, findings);

    [Fact]
    [Trait("Rule", "MER-2")]
    public void MER2_a_listing_is_displayed_only_after_its_review()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var submitted = f.Ok<Listing>(Submit(f));
        Assert.Equal(ListingState.PendingReview, submitted.State);
        Assert.False(submitted.IsDisplayed);
        var displayed = f.Ok<Listing>(Review(f));
        Assert.True(displayed.IsDisplayed);
        Assert.Equal(ListingState.Displayed, Assert.Single(f.Events.OfType<ListingReviewed>()).State);
    }

    [Theory]
    [Trait("Rule", "MER-2")]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void MER2_a_listing_failing_legality_truthfulness_or_completeness_is_rejected_with_findings(bool legal, bool truthful, bool complete)
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Listing>(Submit(f));
        var withoutFindings = f.Refused(Review(f, legal, truthful, complete));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer2), (withoutFindings.Code, withoutFindings.RuleId));
        var rejected = f.Ok<Listing>(Review(f, legal, truthful, complete, "claims 'organic' without a certificate"));
        Assert.Equal((ListingState.Rejected, "claims 'organic' without a certificate"), (rejected.State, rejected.Reason));
    }

    [Fact]
    [Trait("Rule", "MER-2")]
    public void MER2_an_incomplete_listing_never_passes_as_complete()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Listing>(Submit(f, description: "", price: 0m));
        var refused = f.Refused(Review(f));
        Assert.Equal(RuleIds.Mer2, refused.RuleId);
        Assert.Contains("no description and price", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "MER-2")]
    public void MER2_a_false_listing_is_taken_down_with_the_reason()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Listing>(Submit(f));
        f.Ok<Listing>(Review(f));
        var noReason = f.Refused(new TakeDownListing(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, Tea, "  "));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer2), (noReason.Code, noReason.RuleId));
        Assert.Contains("take-down's reason", noReason.Reason, StringComparison.Ordinal);
        // A merchant or sales has no right to the operations steps at all: the permission table refuses first (SEC-2).
        Assert.Equal(RuleIds.Sec2, f.Refused(new TakeDownListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, Tea, "not mine to decide")).RuleId);

        var down = f.Ok<Listing>(new TakeDownListing(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, Tea, "false origin: not from Anxi"));
        Assert.Equal((ListingState.TakenDown, "false origin: not from Anxi", false), (down.State, down.Reason, down.IsDisplayed));
        Assert.Equal("false origin: not from Anxi", Assert.Single(f.Events.OfType<ListingTakenDown>()).Reason);
        Assert.Equal("false origin: not from Anxi", f.Store.ReadAuditAsync(Tea.Key).Result[^1].Why);
        Assert.Equal(RuleIds.Mer2, f.Refused(new TakeDownListing(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, Tea, "again")).RuleId);
    }

    [Fact]
    [Trait("Rule", "MER-2")]
    public void MER2_only_an_admitted_merchant_lists_and_reviews_are_by_operations()
    {
        var f = new MerchantFixture();
        Assert.Equal(RefusalCode.NotFound, f.Refused(Submit(f)).Code);
        f.Ok<Merchant>(f.Apply());
        Assert.Equal(RuleIds.Mer1, f.Refused(Submit(f)).RuleId);
        f.Ok<Merchant>(f.Review());
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Mer2),
            (f.Refused(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, Tea, MerchantFixture.Shop, " ", "x", new Money(1m))) is var d ? (d.Code, d.RuleId) : default));
        f.Ok<Listing>(Submit(f));
        Assert.Equal(RuleIds.Sec2, f.Refused(Review(f, by: MerchantFixture.Applicant)).RuleId);
        Assert.Equal(RefusalCode.AlreadyExists, f.Refused(Submit(f)).Code);
    }
}
