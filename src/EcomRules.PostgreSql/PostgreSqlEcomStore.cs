using System.Data;
using System.Globalization;
using EcomRules.Engine;
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
/// <item>A command's reads (<see cref="FindCommandAndLoadAsync"/>) are one statement and one round trip, and so is
/// its save; statements are prepared on each physical connection once.</item>
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
public sealed partial class PostgreSqlEcomStore : IEcomStore, IOutboxStore, ITimerStore, IAsyncDisposable, IDisposable
{
    private static readonly int MigrationCount = PostgreSqlMigrations.For(PostgreSqlStoreOptions.DefaultSchemaName).Length;

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

    /// <summary>Gets the schema version this release of the store creates and expects.</summary>
    public static int LatestSchemaVersion => MigrationCount;

    /// <summary>Gets the schema that holds the store's tables.</summary>
    public string SchemaName { get; }

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

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state is not one the serializer knows.</exception>
    public async ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        long version;
        string json;
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.LoadAggregate, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(key.Kind));
                command.Parameters.Add(Text(key.Id));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    version = reader.GetInt64(0);
                    json = reader.GetString(1);
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }

        return new StoredAggregate(key, version, _serializer.DeserializeAggregate(json));
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.FindCommand, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(commandId.Value));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRecord(reader, commandId) : null;
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>One round trip: one prepared statement joins the record and the target (one row whatever exists).</remarks>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state is not one the serializer knows.</exception>
    public async ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
    {
        IdempotencyRecord? record = null;
        long version = 0;
        string? json = null;
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.FindCommandAndLoad, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(commandId.Value));
                command.Parameters.Add(Text(target.Kind));
                command.Parameters.Add(Text(target.Id));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (!reader.IsDBNull(0))
                    {
                        record = ReadRecord(reader, commandId);
                    }

                    if (!reader.IsDBNull(RecordColumnCount))
                    {
                        version = reader.GetInt64(RecordColumnCount);
                        json = reader.GetString(RecordColumnCount + 1);
                    }
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }

        return (record, json is null ? null : new StoredAggregate(target, version, _serializer.DeserializeAggregate(json)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set writes the same aggregate twice.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was saved.</exception>
    /// <exception cref="NotSupportedException">A state or event type is not known to the serializer; nothing was saved.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused the change set; nothing was saved.</exception>
    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var writes = InLockOrder(changes);
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveAsync(rented.Connection, changes, writes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }
    }

    /// <summary>The aggregate writes in one global order (kind, then ID), so two change sets writing the same aggregates cannot deadlock.</summary>
    private static AggregateWrite[] InLockOrder(ChangeSet changes)
    {
        var writes = changes.Writes.ToArray();
        Array.Sort(writes, static (a, b) =>
        {
            var byKind = string.CompareOrdinal(a.Key.Kind, b.Key.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.Key.Id, b.Key.Id);
        });
        for (var i = 1; i < writes.Length; i++)
        {
            if (writes[i].Key == writes[i - 1].Key)
            {
                throw new ArgumentException($"The change set writes {writes[i].Key} twice.", nameof(changes));
            }
        }

        return writes;
    }

    private async ValueTask SaveAsync(NpgsqlConnection connection, ChangeSet changes, AggregateWrite[] writes, CancellationToken cancellationToken)
    {
        // Without an explicit transaction, PostgreSQL runs the batch as one implicit transaction: all or nothing.
        var batch = BuildSaveBatch(connection, changes, writes);
        await using (batch.ConfigureAwait(false))
        {
            PostgresException conflict;
            try
            {
                // Prepared once per physical connection (a no-op afterwards): no parse or plan per save.
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (string.Equals(e.SqlState, PostgreSqlErrors.UniqueViolation, StringComparison.Ordinal)
                && string.Equals(e.ConstraintName, PostgreSqlErrors.CommandsPrimaryKey, StringComparison.Ordinal))
            {
                throw new DuplicateCommandException(changes.Record.CommandId);
            }
            catch (PostgresException e) when (PostgreSqlErrors.IsVersionConflict(e))
            {
                conflict = e;
            }

            // The batch rolled back. Writes run in key order, so the first aggregate whose version is not the
            // expected one is the conflict (versions only grow: it still differs, perhaps by more).
            foreach (var write in writes)
            {
                var actual = await ReadVersionAsync(connection, write.Key, cancellationToken).ConfigureAwait(false);
                if (actual != write.ExpectedVersion)
                {
                    throw new ConcurrencyConflictException(write.Key, write.ExpectedVersion, actual);
                }
            }

            throw new InvalidOperationException("PostgreSQL reported a version conflict, yet every aggregate of the change set is at its expected version.", conflict);
        }
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.ReadAudit);
        command.Parameters.Add(Text(key.Kind));
        command.Parameters.Add(Text(key.Id));
        var entries = new List<AuditEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(
                    new CommandId(reader.GetString(0)),
                    key,
                    reader.GetString(1),
                    new ActorRole(reader.GetString(2)),
                    ReadInstant(reader, 3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(7),
                    ReadInstant(reader, 8)));
            }
        }

        return entries;
    }

    /// <summary>
    /// Deletes the audit entries whose retention has ended (<see cref="AuditEntry.RetainUntil"/> at or before
    /// <paramref name="now"/>, ORD-6). Audit entries are deleted by nothing else.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the purge; a cancelled purge deletes nothing.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<long> PurgeAuditAsync(Instant now, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.PurgeAudit);
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        using var command = CreateClaim(_sql.ClaimOutbox, owner, max, now, lease);
        var claimed = await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);

        // RETURNING does not keep the subquery's order.
        claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return claimed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        using var command = _dataSource.CreateCommand(_sql.CompleteOutbox);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(error);
        using var command = _dataSource.CreateCommand(_sql.FailOutbox);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Text(error));
        command.Parameters.Add(Timestamp(retryAt));
        command.Parameters.Add(Value(deadLetter));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        using var command = _dataSource.CreateCommand(_sql.ReadDeadLetters);
        command.Parameters.Add(Value(max));
        return await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.RetryDeadLetter);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.OutboxStatistics);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : ReadInstant(reader, 2));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        using var command = CreateClaim(_sql.ClaimTimers, owner, max, now, lease);
        var claimed = new List<DueTimer>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)), reader.GetString(3), ReadInstant(reader, 4)));
            }
        }

        claimed.Sort(static (a, b) =>
        {
            var byDue = a.DueAt.CompareTo(b.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.TimerId, b.TimerId);
        });
        return claimed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        using var command = _dataSource.CreateCommand(_sql.CompleteTimer);
        command.Parameters.Add(Text(timer.TimerId));
        command.Parameters.Add(Timestamp(timer.DueAt));
        command.Parameters.Add(Text(owner));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.CountTimers);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

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

    private NpgsqlBatch BuildSaveBatch(NpgsqlConnection connection, ChangeSet changes, AggregateWrite[] writes)
    {
        var batch = new NpgsqlBatch(connection);
        try
        {
            var record = changes.Record;
            var timers = LastPerTimer(changes.Timers);
            var parts = PartsOf(changes, timers);
            if (writes.Length <= 1 && (writes.Length == 1 || parts != RestParts.None))
            {
                // The usual change set (one aggregate) in one statement.
                var write = writes.Length == 0 ? SingleWrite.None : writes[0].ExpectedVersion == 0 ? SingleWrite.Insert : SingleWrite.Update;
                var statement = new NpgsqlBatchCommand(_sql.SaveOne(write, parts));
                AddRecord(statement.Parameters, record);
                if (writes.Length == 1)
                {
                    AddWrite(statement.Parameters, writes[0]);
                }

                AddRest(statement.Parameters, changes, timers);
                batch.BatchCommands.Add(statement);
                return batch;
            }

            // The idempotency record goes first: a duplicate command ID fails before anything else is written.
            var insertCommand = new NpgsqlBatchCommand(_sql.InsertCommand);
            AddRecord(insertCommand.Parameters, record);
            batch.BatchCommands.Add(insertCommand);

            // Then the aggregates, in key order (SaveAsync's conflict handling relies on this order).
            foreach (var write in writes)
            {
                var statement = new NpgsqlBatchCommand(write.ExpectedVersion == 0 ? _sql.InsertAggregate : _sql.UpdateAggregate);
                AddWrite(statement.Parameters, write);
                batch.BatchCommands.Add(statement);
            }

            if (parts != RestParts.None)
            {
                var rest = new NpgsqlBatchCommand(_sql.WriteRest(parts));
                AddRest(rest.Parameters, changes, timers);
                batch.BatchCommands.Add(rest);
            }

            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static RestParts PartsOf(ChangeSet changes, TimerRequest[] timers)
    {
        var scheduled = 0;
        foreach (var request in timers)
        {
            scheduled += request.DueAt is null ? 0 : 1;
        }

        return (changes.Audit.Count > 0 ? RestParts.Audit : RestParts.None)
            | (changes.Outbox.Count > 0 ? RestParts.Outbox : RestParts.None)
            | (scheduled > 0 ? RestParts.ScheduleTimers : RestParts.None)
            | (scheduled < timers.Length ? RestParts.CancelTimers : RestParts.None);
    }

    private static void AddRecord(NpgsqlParameterCollection parameters, IdempotencyRecord record)
    {
        parameters.Add(Text(record.CommandId.Value));
        parameters.Add(Text(record.Fingerprint));
        parameters.Add(Text(record.Target.Kind));
        parameters.Add(Text(record.Target.Id));
        parameters.Add(Value((short)record.Status));
        parameters.Add(Value((short)record.Code));
        parameters.Add(NullableText(record.RuleId.IsEmpty ? null : record.RuleId.Value));
        parameters.Add(Text(record.Reason));
        parameters.Add(Value(record.Version));
    }

    /// <summary>Kind, ID, (expected version when above 0,) state: as <see cref="PostgreSqlStatements.InsertAggregate"/> and <see cref="PostgreSqlStatements.UpdateAggregate"/> number them.</summary>
    private void AddWrite(NpgsqlParameterCollection parameters, AggregateWrite write)
    {
        parameters.Add(Text(write.Key.Kind));
        parameters.Add(Text(write.Key.Id));
        if (write.ExpectedVersion != 0)
        {
            parameters.Add(Value(write.ExpectedVersion));
        }

        parameters.Add(Text(_serializer.SerializeAggregate(write.State)));
    }

    /// <summary>The audit entries, outbox messages and timers of a change set, each column an array, the parts it lacks left out.</summary>
    private void AddRest(NpgsqlParameterCollection parameters, ChangeSet changes, TimerRequest[] timers)
    {
        var audit = changes.Audit;
        var outbox = changes.Outbox;
        var scheduled = 0;
        foreach (var request in timers)
        {
            scheduled += request.DueAt is null ? 0 : 1;
        }

        if (audit.Count > 0)
        {
            AddAudit(parameters, audit);
        }

        if (outbox.Count > 0)
        {
            var count = outbox.Count;
            var keys = new string[count];
            var events = new string[count];
            var createdAts = new DateTime[count];
            for (var i = 0; i < count; i++)
            {
                var message = outbox[i];
                keys[i] = message.IdempotencyKey;
                events[i] = _serializer.SerializeEvent(message.Event);
                createdAts[i] = message.CreatedAt.ToDateTimeUtc();
            }

            parameters.Add(TextArray(keys));
            parameters.Add(TextArray(events));
            parameters.Add(TimestampArray(createdAts));
        }

        if (scheduled > 0)
        {
            var ids = new string[scheduled];
            var targetKinds = new string[scheduled];
            var targetIds = new string[scheduled];
            var kinds = new string[scheduled];
            var dues = new DateTime[scheduled];
            var next = 0;
            foreach (var request in timers)
            {
                if (request.DueAt is { } due)
                {
                    ids[next] = request.TimerId;
                    targetKinds[next] = request.Target.Kind;
                    targetIds[next] = request.Target.Id;
                    kinds[next] = request.Kind;
                    dues[next] = due.ToDateTimeUtc();
                    next++;
                }
            }

            parameters.Add(TextArray(ids));
            parameters.Add(TextArray(targetKinds));
            parameters.Add(TextArray(targetIds));
            parameters.Add(TextArray(kinds));
            parameters.Add(TimestampArray(dues));
        }

        if (scheduled < timers.Length)
        {
            var cancelled = new string[timers.Length - scheduled];
            var next = 0;
            foreach (var request in timers)
            {
                if (request.DueAt is null)
                {
                    cancelled[next++] = request.TimerId;
                }
            }

            parameters.Add(TextArray(cancelled));
        }
    }

    private static void AddAudit(NpgsqlParameterCollection parameters, IReadOnlyList<AuditEntry> audit)
    {
        var count = audit.Count;
        var commandIds = new string[count];
        var targetKinds = new string[count];
        var targetIds = new string[count];
        var actorIds = new string[count];
        var actorRoles = new string[count];
        var ats = new DateTime[count];
        var actions = new string[count];
        var changes = new string[count];
        var whys = new string?[count];
        var versions = new long[count];
        var retainUntils = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var entry = audit[i];
            commandIds[i] = entry.CommandId.Value;
            targetKinds[i] = entry.Target.Kind;
            targetIds[i] = entry.Target.Id;
            actorIds[i] = entry.ActorId;
            actorRoles[i] = entry.ActorRole.Value;
            ats[i] = entry.At.ToDateTimeUtc();
            actions[i] = entry.Action;
            changes[i] = entry.Change;
            whys[i] = entry.Why;
            versions[i] = entry.Version;
            retainUntils[i] = entry.RetainUntil.ToDateTimeUtc();
        }

        parameters.Add(TextArray(commandIds));
        parameters.Add(TextArray(targetKinds));
        parameters.Add(TextArray(targetIds));
        parameters.Add(TextArray(actorIds));
        parameters.Add(TextArray(actorRoles));
        parameters.Add(TimestampArray(ats));
        parameters.Add(TextArray(actions));
        parameters.Add(TextArray(changes));
        parameters.Add(TextArray(whys));
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        parameters.Add(TimestampArray(retainUntils));
    }

    /// <summary>The last request of each timer ID, in timer ID order (so concurrent saves lock timers in one order).</summary>
    private static TimerRequest[] LastPerTimer(IReadOnlyList<TimerRequest> requests)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var last = new List<TimerRequest>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var superseded = false;
            for (var j = i + 1; j < requests.Count && !superseded; j++)
            {
                superseded = TimerRequest.IdComparer.Equals(request, requests[j]);
            }

            if (!superseded)
            {
                last.Add(request);
            }
        }

        var sorted = last.ToArray();
        if (sorted.Length > 1)
        {
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.TimerId, b.TimerId));
        }

        return sorted;
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, AggregateKey key, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_sql.CurrentVersion, connection);
        command.Parameters.Add(Text(key.Kind));
        command.Parameters.Add(Text(key.Id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    /// <summary>The number of columns <see cref="ReadRecord"/> reads.</summary>
    private const int RecordColumnCount = 8;

    private static IdempotencyRecord ReadRecord(NpgsqlDataReader reader, CommandId commandId)
        => new(
            commandId,
            reader.GetString(0),
            new AggregateKey(reader.GetString(1), reader.GetString(2)),
            (DecisionStatus)reader.GetInt16(3),
            (RefusalCode)reader.GetInt16(4),
            reader.IsDBNull(5) ? default : new RuleId(reader.GetString(5)),
            reader.GetString(6),
            reader.GetInt64(7));

    private async Task<List<OutboxEnvelope>> ReadEnvelopesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<OutboxEnvelope>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var message = new OutboxMessage(reader.GetString(1), _serializer.DeserializeEvent(reader.GetString(2)), ReadInstant(reader, 3));
                envelopes.Add(new OutboxEnvelope(reader.GetInt64(0), message, reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), ReadInstant(reader, 6), reader.GetBoolean(7)));
            }
        }

        return envelopes;
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

    private static Instant ReadInstant(NpgsqlDataReader reader, int ordinal)
        => Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
