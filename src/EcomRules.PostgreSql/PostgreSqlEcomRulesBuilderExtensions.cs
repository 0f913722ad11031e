using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomRules.Hosting;

/// <summary>Chooses the PostgreSQL store for EcomRules: several worker hosts share one database.</summary>
public static class PostgreSqlEcomRulesBuilderExtensions
{
    /// <summary>Uses a PostgreSQL database; its schema is created or migrated when the host starts (safe when several hosts start at once).</summary>
    /// <param name="builder">The builder <c>AddEcomRules</c> returned.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schemaName">The schema to use. The default is <c>ecomrules</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank.</exception>
    public static EcomRulesBuilder UsePostgreSql(this EcomRulesBuilder builder, string connectionString, string schemaName = "ecomrules")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.RemoveAll<PostgreSqlStoreInitializer>();
        builder.Services.AddSingleton<PostgreSqlStoreInitializer>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEcomStoreInitializer, PostgreSqlStoreInitializer>(sp => sp.GetRequiredService<PostgreSqlStoreInitializer>()));

        // UseStore registers the store type with this factory (a factory resolving the store type would resolve itself).
        return builder.UseStore(sp => new PostgreSqlEcomStore(new PostgreSqlStoreOptions
        {
            ConnectionString = connectionString,
            SchemaName = schemaName,
            Serializer = EcomSerializer.Default.WithSlaDefinitions(sp.GetRequiredService<EcomPolicy>().Slas.Values),
        }));
    }

    /// <summary>Migrates the schema when the host starts.</summary>
    private sealed class PostgreSqlStoreInitializer(PostgreSqlEcomStore store) : IEcomStoreInitializer
    {
        public async Task InitializeAsync(CancellationToken cancellationToken)
            => await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
