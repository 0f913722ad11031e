using EcomRules.Persistence;
using EcomRules.Tests.Merchants;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteMerchantTests
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER1_MER3_MER4_a_merchant_and_its_listing_round_trip_through_the_sqlite_store()
    {
        using var db = new SqliteTestDatabase();
        var written = await MerchantJourney.RunAsync(db.Open(EcomSerializer.Default));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await MerchantJourney.AssertReadBackAsync(db.Open(EcomSerializer.Default), written);
    }
}
