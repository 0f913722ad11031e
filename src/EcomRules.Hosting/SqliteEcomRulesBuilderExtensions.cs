using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomRules.Hosting;

/// <summary>Chooses the embedded SQLite store for EcomRules in a service collection.</summary>
public static class SqliteEcomRulesBuilderExtensions
{
    /// <summary>Uses a SQLite database file (created and migrated when the host starts).</summary>
    /// <param name="builder">The builder <c>AddEcomRules</c> returned.</param>
    /// <param name="dataSourceOrConnectionString">A file path such as <c>ecomrules.db</c>, or a connection string (<c>Data Source=…</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="dataSourceOrConnectionString"/> is blank.</exception>
    public static EcomRulesBuilder UseSqlite(this EcomRulesBuilder builder, string dataSourceOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSourceOrConnectionString);
        return builder.UseSqlite(options =>
        {
            if (dataSourceOrConnectionString.Contains('=', StringComparison.Ordinal))
            {
                options.ConnectionString = dataSourceOrConnectionString;
            }
            else
            {
                options.DataSource = dataSourceOrConnectionString;
            }
        });
    }

    /// <summary>Uses a SQLite database configured in code (opened, created and migrated when the host starts).</summary>
    /// <param name="builder">The builder <c>AddEcomRules</c> returned.</param>
    /// <param name="configure">Sets the store's options.</param>
    /// <returns>The builder.</returns>
    public static EcomRulesBuilder UseSqlite(this EcomRulesBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStoreOptions();
        configure(options);
        builder.Services.RemoveAll<SqliteStoreHolder>();
        builder.Services.AddSingleton(sp => new SqliteStoreHolder(options, sp.GetRequiredService<EcomPolicy>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEcomStoreInitializer, SqliteStoreHolder>(sp => sp.GetRequiredService<SqliteStoreHolder>()));
        return builder.UseStore(sp => sp.GetRequiredService<SqliteStoreHolder>().Store);
    }

    /// <summary>Opens the store when the host starts (opening migrates the schema).</summary>
    private sealed class SqliteStoreHolder(SqliteStoreOptions options, EcomPolicy policy) : IEcomStoreInitializer, IAsyncDisposable
    {
        private SqliteEcomStore? _store;

        public SqliteEcomStore Store => _store ?? throw new InvalidOperationException(
            "The SQLite store opens when the host starts: resolve EcomEngine after IHost.StartAsync (or call IEcomStoreInitializer.InitializeAsync).");

        public async Task InitializeAsync(CancellationToken cancellationToken)
        {
            // Stored SLA timers are rebuilt against this policy's definitions.
            _store ??= await SqliteEcomStore.OpenAsync(options, EcomSerializer.Default.WithSlaDefinitions(policy.Slas.Values), cancellationToken).ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
