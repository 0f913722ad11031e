using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;
using EcomRules.Persistence;
using EcomRules.Tests.Persistence;

namespace EcomRules.Tests.Merchants;

/// <summary>SEC-2 on a platform of several merchants: a person in the merchant role acts only for their own merchant.</summary>
public sealed class MerchantStaffTests
{
    private static readonly Actor OtherOwner = new("m-owner-2", ActorRole.Merchant);
    private static readonly Actor Clerk = new("m-clerk-1", ActorRole.Merchant);
    private static readonly MerchantId Rival = new("M-2");

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_applicant_acts_for_the_merchant_and_another_merchants_staff_do_not()
    {
        var f = new MerchantFixture();
        var admitted = f.Admitted();
        Assert.Equal<string>([MerchantFixture.Applicant.Id], admitted.Staff);

        var listing = f.Refused(new SubmitListing(f.NextId(), OtherOwner, MerchantFixture.Now, new ListingId("L-X"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m)));
        var request = f.Refused(new RequestElevatedPermission(f.NextId(), OtherOwner, MerchantFixture.Now, MerchantFixture.Shop, "P-X", "pre-sale", "asking for a rival"));
        var staff = f.Refused(new AddMerchantStaff(f.NextId(), OtherOwner, MerchantFixture.Now, MerchantFixture.Shop, OtherOwner.Id));

        Assert.All([listing, request, staff], d => Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2), (d.Code, d.RuleId)));
        Assert.Contains("m-owner-2 does not act for merchant M-1", listing.Reason, StringComparison.Ordinal);
        Assert.Null(f.Listing(new ListingId("L-X"))); // Refused also checked that the target changed nowhere
        Assert.True(f.Run(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, new ListingId("L-1"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_staff_added_by_the_merchant_act_for_it_until_removed()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Merchant>(new AddMerchantStaff(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));
        Assert.True(f.Run(new RequestElevatedPermission(f.NextId(), Clerk, MerchantFixture.Now, MerchantFixture.Shop, "P-1", "pre-sale", "tea season")).IsAccepted);

        var again = f.Run(new AddMerchantStaff(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));
        var removed = f.Ok<Merchant>(new RemoveMerchantStaff(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));
        var after = f.Run(new SubmitListing(f.NextId(), Clerk, MerchantFixture.Now, new ListingId("L-2"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m)));
        var missing = f.Run(new RemoveMerchantStaff(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));

        Assert.Equal((RefusalCode.AlreadyExists, RuleIds.Sec2), (again.Code, again.RuleId));
        Assert.Equal<string>([MerchantFixture.Applicant.Id], removed.Staff);
        Assert.Equal((false, RuleIds.Sec2), (after.IsAccepted, after.RuleId));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Sec2), (missing.Code, missing.RuleId)); // recorded: a retry removes no one
        Assert.Equal([true, false], f.Events.OfType<MerchantStaffChanged>().Select(e => e.Added));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_operations_act_for_every_merchant_and_a_merchant_acts_for_each_it_applied_for()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Admitted(Rival);

        Assert.True(f.Run(new AddMerchantStaff(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, Rival, OtherOwner.Id)).IsAccepted);
        Assert.True(f.Run(new SubmitListing(f.NextId(), OtherOwner, MerchantFixture.Now, new ListingId("L-R"), Rival, "Tools", "Spanner", new Money(30m))).IsAccepted);
        Assert.False(f.Run(new SubmitListing(f.NextId(), OtherOwner, MerchantFixture.Now, new ListingId("L-S"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m))).IsAccepted);
        Assert.True(f.Run(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, new ListingId("L-T"), Rival, "Tools", "Saw", new Money(40m))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_a_merchant_stored_before_the_staff_list_keeps_its_applicant_as_staff()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var admitted = f.Ok<Merchant>(new AddMerchantStaff(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));
        var json = EcomSerializer.Default.SerializeAggregate(admitted);
        Assert.Contains("\"staff\":[\"m-owner-1\",\"m-clerk-1\"]", json, StringComparison.Ordinal);
        ValueAssert.Equal(admitted, EcomSerializer.Default.DeserializeAggregate(json));

        var older = (Merchant)EcomSerializer.Default.DeserializeAggregate(json.Replace(",\"staff\":[\"m-owner-1\",\"m-clerk-1\"]", string.Empty, StringComparison.Ordinal));

        Assert.Equal<string>([MerchantFixture.Applicant.Id], older.Staff);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_a_staff_refusal_is_not_recorded_so_the_same_command_succeeds_once_the_person_is_added()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var submit = new SubmitListing(new CommandId("clerk-listing-1"), Clerk, MerchantFixture.Now, new ListingId("L-C"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m));

        var before = f.Run(submit);
        f.Ok<Merchant>(new AddMerchantStaff(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, Clerk.Id));
        var after = f.Run(submit);

        Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2), (before.Code, before.RuleId));
        Assert.True(after.IsAccepted, after.Reason);
        Assert.False(after.IsReplay);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_someone_not_on_the_staff_does_not_learn_whether_a_listing_exists()
    {
        var f = new MerchantFixture();
        f.Admitted();
        f.Ok<Listing>(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, new ListingId("L-1"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m)));

        var probe = f.Run(new SubmitListing(f.NextId(), OtherOwner, MerchantFixture.Now, new ListingId("L-1"), MerchantFixture.Shop, "Tea", "Oolong", new Money(8m)));

        Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2), (probe.Code, probe.RuleId)); // not AlreadyExists
    }
}
