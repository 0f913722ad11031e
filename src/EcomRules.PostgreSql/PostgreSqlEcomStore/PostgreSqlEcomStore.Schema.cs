using System.Globalization;
using EcomRules.PostgreSql.Internal;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>The schema: its latest version and the migrations.</content>
public sealed partial class PostgreSqlEcomStore
{
    private static readonly int MigrationCount = PostgreSqlMigrations.For(PostgreSqlStoreOptions.DefaultSchemaName).Length;

    /// <summary>Gets the schema version this release of the store creates and expects.</summary>
    public static int LatestSchemaVersion => MigrationCount;

    /// <summary>
    /// Creates the schema and applies the migrations it lacks, in order, in one transaction under a
    /// <c>pg_advisory_xact_lock</c>, so several hosts starting at once apply each migration exactly once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; a cancelled migration applies nothing.</param>
    /// <returns>How many migrations this call applied (0 when the schema was up to date).</returns>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this release knows.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused a statement.</exception>
    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext($1))", [Text("EcomRules.PostgreSql:" + SchemaName)], cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, _sql.CreateSchema, [], cancellationToken).ConfigureAwait(false);
                var current = await ScalarAsync<int>(connection, _sql.ReadSchemaVersion, cancellationToken).ConfigureAwait(false);
                if (current > _migrations.Length)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Schema '{SchemaName}' is at version {current}, newer than version {_migrations.Length} this release of EcomRules.PostgreSql knows; upgrade the package."));
                }

                for (var version = current + 1; version <= _migrations.Length; version++)
                {
                    await ExecuteAsync(connection, _migrations[version - 1], [], cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, _sql.RecordSchemaVersion, [Value(version)], cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return _migrations.Length - current;
            }
        }
    }
}
