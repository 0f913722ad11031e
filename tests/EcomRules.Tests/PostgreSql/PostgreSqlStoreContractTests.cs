using EcomRules.Testing;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreContractTests(PostgreSqlFixture fixture)
{
    public static TheoryData<string> CaseNames => new(StoreContract.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    [Trait("Rule", "SEC-3")]
    public async Task PostgreSqlStore_HonoursContract(string name)
    {
        // A fresh database per case: the contract expects an empty store.
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync("contract"));
        await StoreContract.Get(name).RunAsync(() => store, CancellationToken.None);
    }
}
