using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Tests.Merchants;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteMerchantTests
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER1_MER3_MER4_a_merchant_and_its_listing_round_trip_through_the_sqlite_store()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var (ops, owner, now, shop) = (MerchantFixture.Reviewer, MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop);
        var listing = new ListingId("L-1");
        EcomCommand[] commands =
        [
            new ApplyForAdmission(new("c1"), owner, now, shop, "Fuzhou Example Trading Co., Ltd.", MerchantFixture.ValidCode, MerchantFixture.ValidCode),
            new ReviewQualification(new("c2"), ops, now, shop, true, "verified", 6),
            new RecordMerchantViolation(new("c3"), ops, now, shop, ViolationKind.LateDispatch, "O-1", "late"),
            new SanctionMerchant(new("c4"), ops, now, shop, SanctionStep.Warning, "late dispatches"),
            new SanctionMerchant(new("c5"), ops, now, shop, SanctionStep.PointsDeduction, "more late dispatches"),
            new RequestElevatedPermission(new("c6"), owner, now, shop, "P-1", "pre-sale", "new season"),
            new RequestElevatedPermission(new("c7"), owner, now, shop, "P-2", "cross-border", "Hong Kong"),
            new DecidePermissionRequest(new("c8"), ops, now, shop, "P-1", false, "no stock proof"),
            new SubmitListing(new("c9"), owner, now, listing, shop, "Oolong tea", "Anxi, 250 g", new Money(88m)),
            new ReviewListing(new("c10"), ops, now, listing, true, true, true),
            new TakeDownListing(new("c11"), ops, now, listing, "false origin"),
        ];
        foreach (var command in commands)
        {
            var decision = await engine.ExecuteAsync(command);
            Assert.True(decision.IsAccepted, decision.Reason);
        }

        var written = (Merchant)(await store.LoadAsync(shop.Key))!.State;
        var writtenListing = (Listing)(await store.LoadAsync(listing.Key))!.State;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = db.Open(EcomSerializer.Default);
        var merchant = Assert.IsType<Merchant>((await reopened.LoadAsync(shop.Key))!.State);
        Assert.Equal(Scalars(written), Scalars(merchant));
        Assert.Equal(written.Sanctions, merchant.Sanctions.AsEnumerable());
        Assert.Equal(written.PermissionRequests, merchant.PermissionRequests.AsEnumerable());
        Assert.Equal((MerchantState.Admitted, SanctionStep.PointsDeduction, 86, 6), (merchant.State, merchant.Ladder, merchant.Rating.Score, merchant.ReReviewMonths));
        Assert.Equal(writtenListing, Assert.IsType<Listing>((await reopened.LoadAsync(listing.Key))!.State));

        // The ladder and the permission requests hold after the reload.
        var again = new EcomEngine(reopened, EcomPolicy.RetailPlatform);
        Assert.Equal(RuleIds.Mer3, (await again.ExecuteAsync(new SanctionMerchant(new("c12"), ops, now, shop, SanctionStep.Removal, "skip"))).RuleId);
        Assert.Equal(RuleIds.Mer4, (await again.ExecuteAsync(new DecidePermissionRequest(new("c13"), ops, now, shop, "P-1", true, "again"))).RuleId);
        Assert.True((await again.ExecuteAsync(new DecidePermissionRequest(new("c14"), ops, now, shop, "P-2", true, "customs ok"))).IsAccepted);
    }

    private static object Scalars(Merchant m)
        => (m.Id, m.Name, m.CreditCode, m.TaxRegistration, m.AppliedBy, m.AppliedAt, m.State, m.AdmittedAt, m.ReReviewMonths, m.ReReviewDue, m.StateReason, m.Record, m.Rating);
}
