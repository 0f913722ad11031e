using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Persistence;
using EcomRules.Tests.Merchants;

namespace EcomRules.Tests.Persistence;

public sealed class MerchantSerializationTests
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public void MER1_to_MER4_every_merchant_and_listing_event_round_trips()
    {
        var f = new MerchantFixture();
        f.Admitted();
        var listing = new ListingId("L-1");
        f.Ok<Listing>(new SubmitListing(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, listing, MerchantFixture.Shop, "Tea", "Oolong", new Money(8m)));
        f.Ok<Listing>(new ReviewListing(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, listing, true, true, true));
        f.Ok<Listing>(new TakeDownListing(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, listing, "false origin"));
        f.Ok<Merchant>(new RecordMerchantViolation(f.NextId(), MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop, ViolationKind.Breach, "L-1", "false"));
        f.Ok<Merchant>(f.Sanction(SanctionStep.Warning));
        var request = Assert.Single(f.Ok<Merchant>(new RequestElevatedPermission(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, "P-1", "pre-sale", "x")).PermissionRequests);
        f.FireTimers(request.DueAt);
        f.Ok<Merchant>(new DecidePermissionRequest(f.NextId(), MerchantFixture.Reviewer, request.DueAt, MerchantFixture.Shop, "P-1", true, "ok"));
        f.Ok<Merchant>(f.Sanction(SanctionStep.PointsDeduction));
        f.Ok<Merchant>(new AddMerchantStaff(f.NextId(), MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop, "m-clerk-2"));
        f.Ok<Merchant>(f.Sanction(SanctionStep.Suspension));

        var events = f.Events.Concat(f.Store.Outbox.Select(m => m.Message.Event)).ToList();
        var eventTypes = typeof(Merchant).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(DomainEvent)) && t.Namespace == "EcomRules.Merchants.Events");
        Assert.Equal(eventTypes.OrderBy(t => t.Name), events.Select(e => e.GetType()).Where(t => t.Namespace == "EcomRules.Merchants.Events").Distinct().OrderBy(t => t.Name));
        foreach (var domainEvent in events)
        {
            var json = EcomSerializer.Default.SerializeEvent(domainEvent);
            var read = EcomSerializer.Default.DeserializeEvent(json);
            ValueAssert.Equal(domainEvent, read);
            Assert.Equal(json, EcomSerializer.Default.SerializeEvent(read));
        }
    }
}
