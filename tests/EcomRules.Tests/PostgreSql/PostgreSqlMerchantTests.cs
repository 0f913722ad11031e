using EcomRules.Merchants;
using EcomRules.Tests.Merchants;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMerchantTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER1_MER3_MER4_a_merchant_and_its_listing_round_trip_through_the_postgresql_store()
    {
        var database = await fixture.CreateDatabaseAsync();
        (Merchant, Listing) written;
        await using (var store = await InspectablePostgreSqlStore.OpenAsync(database))
        {
            written = await MerchantJourney.RunAsync(store);
        }

        await using var reopened = await InspectablePostgreSqlStore.OpenAsync(database);
        await MerchantJourney.AssertReadBackAsync(reopened, written);
    }
}
