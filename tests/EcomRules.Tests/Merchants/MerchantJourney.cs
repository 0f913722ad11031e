using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Policies;
using EcomRules.Ports;

namespace EcomRules.Tests.Merchants;

/// <summary>
/// One merchant through admission, a violation, two ladder steps and two permission requests, and one listing through
/// review and take-down: what the store round trips (SQLite, PostgreSQL) write and read back.
/// </summary>
internal static class MerchantJourney
{
    internal static readonly ListingId Listing = new("L-1");

    /// <summary>Runs the journey on <paramref name="store"/>; returns what was written.</summary>
    internal static async Task<(Merchant Merchant, Listing Listing)> RunAsync(IEcomStore store)
    {
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var (ops, owner, now, shop) = (MerchantFixture.Reviewer, MerchantFixture.Applicant, MerchantFixture.Now, MerchantFixture.Shop);
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
            new SubmitListing(new("c9"), owner, now, Listing, shop, "Oolong tea", "Anxi, 250 g", new Money(88m)),
            new ReviewListing(new("c10"), ops, now, Listing, true, true, true),
            new TakeDownListing(new("c11"), ops, now, Listing, "false origin"),
        ];
        foreach (var command in commands)
        {
            var decision = await engine.ExecuteAsync(command);
            Assert.True(decision.IsAccepted, decision.Reason);
        }

        return ((Merchant)(await store.LoadAsync(shop.Key))!.State, (Listing)(await store.LoadAsync(Listing.Key))!.State);
    }

    /// <summary>Checks that <paramref name="store"/> reads back what <see cref="RunAsync"/> wrote, and that the rules hold after the reload.</summary>
    internal static async Task AssertReadBackAsync(IEcomStore store, (Merchant Merchant, Listing Listing) written)
    {
        var (ops, now, shop) = (MerchantFixture.Reviewer, MerchantFixture.Now, MerchantFixture.Shop);
        var merchant = Assert.IsType<Merchant>((await store.LoadAsync(shop.Key))!.State);
        Assert.Equal(Scalars(written.Merchant), Scalars(merchant));
        Assert.Equal(written.Merchant.Sanctions, merchant.Sanctions.AsEnumerable());
        Assert.Equal(written.Merchant.PermissionRequests, merchant.PermissionRequests.AsEnumerable());
        Assert.Equal((MerchantState.Admitted, SanctionStep.PointsDeduction, 86, 6), (merchant.State, merchant.Ladder, merchant.Rating.Score, merchant.ReReviewMonths));
        Assert.Equal(written.Listing, Assert.IsType<Listing>((await store.LoadAsync(Listing.Key))!.State));

        // The ladder and the permission requests hold after the reload.
        var again = new EcomEngine(store, EcomPolicy.RetailPlatform);
        Assert.Equal(RuleIds.Mer3, (await again.ExecuteAsync(new SanctionMerchant(new("c12"), ops, now, shop, SanctionStep.Removal, "skip"))).RuleId);
        Assert.Equal(RuleIds.Mer4, (await again.ExecuteAsync(new DecidePermissionRequest(new("c13"), ops, now, shop, "P-1", true, "again"))).RuleId);
        Assert.True((await again.ExecuteAsync(new DecidePermissionRequest(new("c14"), ops, now, shop, "P-2", true, "customs ok"))).IsAccepted);
    }

    private static object Scalars(Merchant m)
        => (m.Id, m.Name, m.CreditCode, m.TaxRegistration, m.AppliedBy, m.AppliedAt, m.State, m.AdmittedAt, m.ReReviewMonths, m.LastReviewedOn, m.ReReviewDue, m.StateReason, m.Record, m.Rating);
}
