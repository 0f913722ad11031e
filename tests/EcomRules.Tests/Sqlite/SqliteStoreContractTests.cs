using EcomRules.Testing;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteStoreContractTests
{
    public static TheoryData<string> CaseNames => new(StoreContract.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    [Trait("Rule", "SEC-3")]
    public async Task SqliteStore_HonoursContract(string name)
    {
        using var database = new SqliteTestDatabase();
        await StoreContract.Get(name).RunAsync(() => new InspectableSqliteStore(database.Open(), database), CancellationToken.None);
    }
}
