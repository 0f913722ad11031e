using EcomRules.Persistence;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.TestSupport;

namespace EcomRules.Tests.PostgreSql;

/// <summary>Creates migrated stores on fixture databases.</summary>
internal static class PostgreSqlStores
{
    /// <summary>The serializer the PostgreSQL tests store with.</summary>
    public static EcomSerializer Serializer => ContractSerialization.Serializer;

    public static async Task<PostgreSqlEcomStore> OpenAsync(string connectionString, string schema = PostgreSqlStoreOptions.DefaultSchemaName)
    {
        var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, SchemaName = schema, Serializer = Serializer });
        await store.MigrateAsync();
        return store;
    }
}
