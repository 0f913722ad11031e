using EcomRules.Persistence;
using EcomRules.PostgreSql.Internal;
using EcomRules.Ports;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcomRules.PostgreSql;

/// <summary>
/// The PostgreSQL store: several identical worker hosts share one database. Aggregates are saved with optimistic
/// concurrency (expected versions), command IDs are unique keys, and outbox messages and timers are claimed with
/// leases under <c>FOR UPDATE SKIP LOCKED</c>, so two hosts never claim the same row while a lease holds.
/// <list type="bullet">
/// <item>Call <see cref="MigrateAsync"/> once at start-up (every host may; migrations run under an advisory lock).</item>
/// <item>A command's reads are one round trip (<see cref="FindCommandAndLoadAsync"/>, or
/// <see cref="FindCommandAndLoadManyAsync"/> when it reads other aggregates too: one prepared batch), and so is its save
/// and a reload of several aggregates (<see cref="LoadManyAsync"/>); statements are prepared on each physical
/// connection once.</item>
/// <item>A save is one round trip in one implicit transaction, so it commits whole or not at all: a change set with
/// at most one aggregate is a single statement (the command row first, then the aggregate, audit entries, outbox
/// messages and timers as data-modifying <c>WITH</c> queries over arrays); one with several aggregates is a batch of
/// three. A version conflict is a write of version -1, which the table's <c>CHECK</c> refuses.</item>
/// <item>The store keeps a few connections open between its operations (at most a quarter of the pool, closed after
/// 30 s unused, back in the pool within a minute): it changes no session state, so it skips the reset Npgsql runs on
/// every connection taken from the pool.</item>
/// <item>Instants are stored as <c>timestamptz</c>, to the microsecond.</item>
/// <item>Nothing is logged; exceptions name keys and versions, never aggregate contents (SEC-1).</item>
/// </list>
/// Thread-safe; one instance serves the whole application.
/// </summary>
public sealed partial class PostgreSqlEcomStore : IEcomStore, IOutboxStore, ITimerStore, IRetentionStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly EcomSerializer _serializer;
    private readonly PostgreSqlStatements _sql;
    private readonly string[] _migrations;
    private readonly ConnectionCache _connections;

    /// <summary>Creates a store. Opens no connection; call <see cref="MigrateAsync"/> before the first use.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="PostgreSqlStoreOptions.Validate"/>).</exception>
    public PostgreSqlEcomStore(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException(invalid.Message, nameof(options), invalid);
        }

        _ownsDataSource = options.DataSource is null;
        _dataSource = options.DataSource ?? NpgsqlDataSource.Create(options.ConnectionString!);
        _serializer = options.Serializer;
        SchemaName = options.SchemaName;
        _sql = new PostgreSqlStatements(SchemaName);
        _migrations = PostgreSqlMigrations.For(SchemaName);
        _connections = new ConnectionCache(_dataSource);
    }

    /// <summary>Gets the schema that holds the store's tables.</summary>
    public string SchemaName { get; }

    /// <summary>
    /// Closes the connections the store keeps open between its operations (they go back to the data source) and stops
    /// their pruning timer; disposes the data source if the store created it from a connection string. A store on an
    /// application's data source should be disposed too (the DI container does), or it keeps up to a quarter of the pool.
    /// </summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _connections.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the connections the store keeps open between its operations (they go back to the data source) and stops
    /// their pruning timer; disposes the data source if the store created it from a connection string. A store on an
    /// application's data source should be disposed too (the DI container does), or it keeps up to a quarter of the pool.
    /// </summary>
    public void Dispose()
    {
        _connections.Dispose();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private NpgsqlCommand CreateClaim(string sql, string owner, int max, Instant now, Duration lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be longer than zero.");
        }

        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Timestamp(now + lease));
        command.Parameters.Add(Timestamp(now));
        command.Parameters.Add(Value(max));
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<string?[]> TextArray(string?[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<DateTime[]> TimestampArray(DateTime[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter NullableText(string? value)
        => new() { Value = value is null ? DBNull.Value : value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private static NpgsqlParameter<DateTime> Timestamp(Instant instant)
        => new() { TypedValue = instant.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    // timestamptz holds microseconds: for a stored instant s, s >= t and s < t hold exactly as they do for t rounded up
    // to the microsecond, so a window bound with ticks keeps its meaning; a due instant rounded up is never early.
    private static Instant CeilingMicrosecond(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var rest = ticks % 10;
        return rest == 0 ? instant : Instant.FromUnixTimeTicks(ticks - rest + (rest > 0 ? 10 : 0));
    }

    private static Instant ReadInstant(NpgsqlDataReader reader, int ordinal)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
