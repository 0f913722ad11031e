using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using EcomRules.Engine;
using EcomRules.Persistence;
using EcomRules.Ports;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Sqlite;

/// <summary>
/// The embedded default store: aggregates, idempotency records, the audit trail (SEC-3), the outbox and timers in
/// one SQLite file. Honours the store contract (<c>EcomRules.Testing.StoreContract</c>).
/// <list type="bullet">
/// <item><b>One transaction per change set.</b> <see cref="SaveAsync"/> runs in a <c>BEGIN IMMEDIATE</c> transaction
/// (the write lock is taken up front, so two savers never deadlock upgrading a read lock): the idempotency record,
/// every aggregate write with its expected version, the audit entry, the outbox messages and the timers commit
/// together or not at all.</item>
/// <item><b>Pragmas.</b> <c>journal_mode=WAL</c> (readers never block the writer), <c>synchronous</c> from
/// <see cref="SqliteStoreOptions.Synchronous"/> (<c>FULL</c> by default: an accepted command survives a power loss;
/// <c>NORMAL</c> survives a process crash, and only a power loss can roll back the last commits),
/// <c>busy_timeout</c> from <see cref="SqliteStoreOptions.BusyTimeout"/>, <c>foreign_keys=ON</c>,
/// <c>wal_autocheckpoint=10000</c> (a change set touches about fifteen pages, so SQLite's default of 1,000 pages would
/// checkpoint every few dozen commands; every 10,000 pages, about 40 MB of WAL, each hot page is copied back and
/// synced once for many commits instead).</item>
/// <item><b>Connections.</b> Change sets are saved on one connection the store keeps open, one at a time (SQLite has
/// one writer per file anyway; <c>BEGIN IMMEDIATE</c> and <c>busy_timeout</c> still order it against other
/// connections and processes); the engine's reads (<see cref="FindCommandAndLoadAsync"/>, <see cref="LoadAsync"/>,
/// <see cref="FindCommandAsync"/>) use a small set of open reader connections, so they run concurrently (WAL). On
/// these connections each statement is compiled once and reused. Other operations use one pooled connection each.
/// The store is thread-safe and one instance serves the whole application; dispose it to close its connections.</item>
/// <item><b>Leases.</b> Outbox messages and timers are claimed with
/// <c>UPDATE … SET lease_owner, lease_until WHERE … AND (lease_until IS NULL OR lease_until &lt; now)</c> inside an
/// IMMEDIATE transaction, so two dispatchers never hold the same row at once; a crashed owner's rows come back
/// when its lease expires. SQLite serves one host; several hosts share PostgreSQL instead.</item>
/// <item><b>Personal data (SEC-1).</b> Aggregate and event JSON hold customers' data in full: this file is storage,
/// not a log, and must be access-controlled. The audit table holds none, and no exception message of this store
/// quotes stored JSON.</item>
/// </list>
/// </summary>
public sealed partial class SqliteEcomStore : IEcomStore, IOutboxStore, ITimerStore, IDisposable, IAsyncDisposable
{
    private const string LoadSql = "SELECT version, json FROM aggregates WHERE kind = $kind AND id = $id;";
    private const string FindCommandSql = "SELECT fingerprint, target_kind, target_id, status, code, rule_id, reason, version FROM commands WHERE command_id = $id;";
    private static readonly int MaxIdleReaders = Math.Max(2, Environment.ProcessorCount);

    private readonly string _connectionString;
    private readonly EcomSerializer _serializer;
    private readonly string _pragmas;

    // Pooled connections keep their per-connection pragmas; each native handle is set up once (per store instance).
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    // The write connection (guarded by _writeLock) and the idle reader connections; see the class remarks.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private SqliteSession? _writer;
    private int _idleReaders;
    private bool _disposed;

    private SqliteEcomStore(string connectionString, EcomSerializer serializer, SqliteStoreOptions options)
    {
        _connectionString = connectionString;
        _serializer = serializer;
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000;");
    }

    /// <summary>Gets the connection string the store opens its connections with.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>
    /// Opens a store: creates the database file when missing, switches it to WAL, and applies the schema migrations
    /// it lacks (recorded in <c>schema_version</c>).
    /// </summary>
    /// <param name="options">Which database, and how durable.</param>
    /// <param name="serializer">Serializes states and events; <see cref="EcomSerializer.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SqliteStoreOptions.BuildConnectionString"/>).</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer schema version.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a database.</exception>
    public static async ValueTask<SqliteEcomStore> OpenAsync(SqliteStoreOptions options, EcomSerializer? serializer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string connectionString;
        try
        {
            connectionString = options.BuildConnectionString();
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException(invalid.Message, nameof(options), invalid);
        }

        var store = new SqliteEcomStore(connectionString, serializer ?? EcomSerializer.Default, options);
        var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var wal = connection.CreateCommand())
            {
                // Persistent in the file; must run outside a transaction.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return store;
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state cannot be read by the serializer.</exception>
    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(key, static (store, session, key) => store.Load(session, key), cancellationToken));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(commandId, static (_, session, commandId) => FindCommand(session, commandId), cancellationToken));

    /// <inheritdoc />
    /// <remarks>Both reads run on one open connection with compiled statements.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state cannot be read by the serializer.</exception>
    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read((commandId, target), static (store, session, ids) => (FindCommand(session, ids.commandId), store.Load(session, ids.target)), cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set writes the same aggregate twice.</exception>
    /// <exception cref="NotSupportedException">A state or event type is unknown to the serializer; nothing was saved.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was saved.</exception>
    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writes = Serialize(changes);
        var events = new string[changes.Outbox.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = _serializer.SerializeEvent(changes.Outbox[i].Event);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = _writer ??= SqliteSession.Open(_connectionString, _pragmas);

            // BEGIN IMMEDIATE: take the write lock first, so the version checks below cannot be overtaken.
            session.Execute("BEGIN IMMEDIATE;");
            try
            {
                InsertRecord(session, changes.Record);
                for (var i = 0; i < writes.Length; i++)
                {
                    WriteAggregate(session, changes.Writes[i], writes[i]);
                }

                foreach (var audit in changes.Audit)
                {
                    InsertAudit(session, audit);
                }

                if (events.Length > 0)
                {
                    InsertOutbox(session, changes.Outbox, events);
                }

                if (changes.Timers.Count > 0)
                {
                    WriteTimers(session, changes.Timers);
                }

                // Last chance to cancel; once the commit starts it completes (a cancelled save commits nothing).
                cancellationToken.ThrowIfCancellationRequested();
                session.Execute("COMMIT;");
            }
            catch
            {
                Rollback(session);
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT command_id, actor_id, actor_role, at, action, change, why, version, retain_until
                FROM audit WHERE kind = $kind AND id = $id ORDER BY seq;
                """;
            command.Parameters.AddWithValue("$kind", key.Kind);
            command.Parameters.AddWithValue("$id", key.Id);
            var entries = new List<AuditEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(new CommandId(reader.GetString(0)), key, reader.GetString(1), new ActorRole(reader.GetString(2)),
                    Instant.FromUnixTimeTicks(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), Instant.FromUnixTimeTicks(reader.GetInt64(8))));
            }

            return entries;
        }
    }

    /// <summary>Closes the connections the store keeps open. The store must not be used afterwards.</summary>
    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer?.Dispose();
            _writer = null;
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the connections the store keeps open. The store must not be used afterwards.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Deletes the audit entries whose retention has passed (<see cref="AuditEntry.RetainUntil"/> ≤ <paramref name="now"/>).
    /// ORD-6 sets the floor (5 years by default); whether and when to purge is the operator's retention policy
    /// (SEC-1: kept no longer than required) — the store never deletes audit entries on its own.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the purge; a cancelled purge deletes nothing.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<long> PurgeAuditAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM audit WHERE retain_until <= $now;";
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE outbox SET lease_owner = $owner, lease_until = $until
                WHERE seq IN (
                    SELECT seq FROM outbox
                    WHERE delivered_at IS NULL AND dead_letter = 0 AND available_at <= $now
                      AND (lease_until IS NULL OR lease_until < $now)
                    ORDER BY seq LIMIT $max)
                RETURNING seq, key, event_json, created_at, attempts, last_error, available_at, dead_letter;
                """;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeTicks());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$max", max);
            var claimed = await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return claimed;
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
        => ExecuteAsync(
            "UPDATE outbox SET delivered_at = $now, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND lease_owner = $owner AND delivered_at IS NULL;",
            cancellationToken, ("$now", now.ToUnixTimeTicks()), ("$seq", sequence), ("$owner", owner));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
        => ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + 1, last_error = $error, available_at = $retry, dead_letter = $dead,
                lease_owner = NULL, lease_until = NULL
            WHERE seq = $seq AND lease_owner = $owner AND delivered_at IS NULL;
            """,
            cancellationToken, ("$error", error), ("$retry", retryAt.ToUnixTimeTicks()), ("$dead", deadLetter ? 1 : 0), ("$seq", sequence), ("$owner", owner));

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT seq, key, event_json, created_at, attempts, last_error, available_at, dead_letter
                FROM outbox WHERE dead_letter = 1 ORDER BY seq LIMIT $max;
                """;
            command.Parameters.AddWithValue("$max", max);
            return await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
        => ExecuteAsync(
            "UPDATE outbox SET dead_letter = 0, attempts = 0, available_at = $now, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND dead_letter = 1;",
            cancellationToken, ("$now", now.ToUnixTimeTicks()), ("$seq", sequence));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND dead_letter = 0),
                       (SELECT count(*) FROM outbox WHERE dead_letter = 1),
                       (SELECT min(created_at) FROM outbox WHERE delivered_at IS NULL AND dead_letter = 0);
                """;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(2)));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE timers SET lease_owner = $owner, lease_until = $until
                WHERE timer_id IN (
                    SELECT timer_id FROM timers
                    WHERE due_at <= $now AND (lease_until IS NULL OR lease_until < $now)
                    ORDER BY due_at, timer_id LIMIT $max)
                RETURNING timer_id, kind, aggregate_kind, aggregate_id, due_at;
                """;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeTicks());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$max", max);
            var claimed = new List<DueTimer>();
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(2), reader.GetString(3)), reader.GetString(1),
                        Instant.FromUnixTimeTicks(reader.GetInt64(4))));
                }
            }

            transaction.Commit();

            // RETURNING yields rows in no promised order.
            claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.TimerId, b.TimerId));
            return claimed;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);

        // A timer moved since the claim has another due_at, and a move clears the lease: it stays, to fire when due.
        return ExecuteAsync("DELETE FROM timers WHERE timer_id = $id AND due_at = $due AND lease_owner = $owner;",
            cancellationToken, ("$id", timer.TimerId), ("$due", timer.DueAt.ToUnixTimeTicks()), ("$owner", owner));
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM timers;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> on the database file.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><c>ok</c>, or SQLite's description of the damage.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<string> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var lines = new List<string>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
    }

    private static void CheckClaim(string owner, int max, Duration lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), "A lease must be positive.");
        }
    }

    private (string Type, string Json)[] Serialize(ChangeSet changes)
    {
        var writes = new (string Type, string Json)[changes.Writes.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            var write = changes.Writes[i];
            for (var j = 0; j < i; j++)
            {
                if (changes.Writes[j].Key == write.Key)
                {
                    throw new ArgumentException($"The change set writes {write.Key} twice.", nameof(changes));
                }
            }

            writes[i] = (write.State.GetType().Name, _serializer.SerializeAggregate(write.State));
        }

        return writes;
    }

    private static void InsertRecord(SqliteSession session, IdempotencyRecord record)
    {
        var command = session.Command("""
            INSERT INTO commands (command_id, fingerprint, target_kind, target_id, status, code, rule_id, reason, version)
            VALUES ($id, $fingerprint, $kind, $target, $status, $code, $rule, $reason, $version)
            ON CONFLICT (command_id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$id", record.CommandId.Value);
        command.Parameters.AddWithValue("$fingerprint", record.Fingerprint);
        command.Parameters.AddWithValue("$kind", record.Target.Kind);
        command.Parameters.AddWithValue("$target", record.Target.Id);
        command.Parameters.AddWithValue("$status", (int)record.Status);
        command.Parameters.AddWithValue("$code", (int)record.Code);
        command.Parameters.AddWithValue("$rule", record.RuleId.Value.Length == 0 ? DBNull.Value : record.RuleId.Value);
        command.Parameters.AddWithValue("$reason", record.Reason);
        command.Parameters.AddWithValue("$version", record.Version);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new DuplicateCommandException(record.CommandId);
        }
    }

    private static void WriteAggregate(SqliteSession session, AggregateWrite write, (string Type, string Json) state)
    {
        var command = session.Command(write.ExpectedVersion == 0
            ? "INSERT INTO aggregates (kind, id, version, type, json) VALUES ($kind, $id, 1, $type, $json) ON CONFLICT (kind, id) DO NOTHING;"
            : "UPDATE aggregates SET version = $version, type = $type, json = $json WHERE kind = $kind AND id = $id AND version = $expected;");
        command.Parameters.AddWithValue("$kind", write.Key.Kind);
        command.Parameters.AddWithValue("$id", write.Key.Id);
        command.Parameters.AddWithValue("$type", state.Type);
        command.Parameters.AddWithValue("$json", state.Json);
        command.Parameters.AddWithValue("$version", write.NewVersion);
        command.Parameters.AddWithValue("$expected", write.ExpectedVersion);
        if (command.ExecuteNonQuery() == 1)
        {
            return;
        }

        var actual = session.Command("SELECT coalesce((SELECT version FROM aggregates WHERE kind = $kind AND id = $id), 0);");
        actual.Parameters.AddWithValue("$kind", write.Key.Kind);
        actual.Parameters.AddWithValue("$id", write.Key.Id);
        var version = (long)actual.ExecuteScalar()!;
        throw new ConcurrencyConflictException(write.Key, write.ExpectedVersion, version);
    }

    private static void InsertAudit(SqliteSession session, AuditEntry audit)
    {
        var command = session.Command("""
            INSERT INTO audit (command_id, kind, id, actor_id, actor_role, at, action, change, why, version, retain_until)
            VALUES ($command, $kind, $id, $actor, $role, $at, $action, $change, $why, $version, $retain);
            """);
        command.Parameters.AddWithValue("$command", audit.CommandId.Value);
        command.Parameters.AddWithValue("$kind", audit.Target.Kind);
        command.Parameters.AddWithValue("$id", audit.Target.Id);
        command.Parameters.AddWithValue("$actor", audit.ActorId);
        command.Parameters.AddWithValue("$role", audit.ActorRole.Value);
        command.Parameters.AddWithValue("$at", audit.At.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$action", audit.Action);
        command.Parameters.AddWithValue("$change", audit.Change);
        command.Parameters.AddWithValue("$why", (object?)audit.Why ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", audit.Version);
        command.Parameters.AddWithValue("$retain", audit.RetainUntil.ToUnixTimeTicks());
        command.ExecuteNonQuery();
    }

    private static void InsertOutbox(SqliteSession session, IReadOnlyList<OutboxMessage> messages, string[] events)
    {
        var command = session.Command("""
            INSERT INTO outbox (key, event_type, event_json, created_at, available_at)
            VALUES ($key, $type, $json, $created, $created);
            """);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        for (var i = 0; i < messages.Count; i++)
        {
            key.Value = messages[i].IdempotencyKey;
            type.Value = messages[i].Event.EventType;
            json.Value = events[i];
            created.Value = messages[i].CreatedAt.ToUnixTimeTicks();
            command.ExecuteNonQuery();
        }
    }

    private static void WriteTimers(SqliteSession session, IReadOnlyList<TimerRequest> timers)
    {
        // Moving a timer clears its lease: the new due instant fires on its own.
        var upsert = session.Command("""
            INSERT INTO timers (timer_id, kind, aggregate_kind, aggregate_id, due_at) VALUES ($id, $kind, $akind, $aid, $due)
            ON CONFLICT (timer_id) DO UPDATE SET kind = excluded.kind, aggregate_kind = excluded.aggregate_kind,
                aggregate_id = excluded.aggregate_id, due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL;
            """);
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
        var aggregateKind = upsert.Parameters.Add("$akind", SqliteType.Text);
        var aggregateId = upsert.Parameters.Add("$aid", SqliteType.Text);
        var due = upsert.Parameters.Add("$due", SqliteType.Integer);
        var delete = session.Command("DELETE FROM timers WHERE timer_id = $id;");
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);
        foreach (var timer in timers)
        {
            if (timer.DueAt is not { } dueAt)
            {
                deleteId.Value = timer.TimerId;
                delete.ExecuteNonQuery();
                continue;
            }

            id.Value = timer.TimerId;
            kind.Value = timer.Kind;
            aggregateKind.Value = timer.Target.Kind;
            aggregateId.Value = timer.Target.Id;
            due.Value = dueAt.ToUnixTimeTicks();
            upsert.ExecuteNonQuery();
        }
    }

    private void Rollback(SqliteSession session)
    {
        try
        {
            session.Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (an I/O or busy error ends the transaction); nothing is committed either way.
            // The connection may be unusable: close it; the next save opens a fresh one (the caller holds _writeLock).
            _writer = null;
            session.Dispose();
        }
    }

    private StoredAggregate? Load(SqliteSession session, AggregateKey key)
    {
        var command = session.Command(LoadSql);
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        long version;
        string json;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            version = reader.GetInt64(0);
            json = reader.GetString(1);
        }

        return new StoredAggregate(key, version, _serializer.DeserializeAggregate(json));
    }

    private static IdempotencyRecord? FindCommand(SqliteSession session, CommandId commandId)
    {
        var command = session.Command(FindCommandSql);
        command.Parameters.AddWithValue("$id", commandId.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new IdempotencyRecord(commandId, reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)),
            (DecisionStatus)reader.GetInt32(3), (RefusalCode)reader.GetInt32(4),
            reader.IsDBNull(5) ? default : new RuleId(reader.GetString(5)), reader.GetString(6), reader.GetInt64(7));
    }

    private T Read<TArg, T>(TArg arg, Func<SqliteEcomStore, SqliteSession, TArg, T> read, CancellationToken cancellationToken)
    {
        var session = RentReader(cancellationToken);
        try
        {
            return read(this, session, arg);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    private SqliteSession RentReader(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The write connection when no save holds it: its page cache stays valid between commands (another
        // connection's cache is dropped after every commit), so a read costs no re-reading of pages.
        if (_writeLock.Wait(0))
        {
            try
            {
                return _writer ??= SqliteSession.Open(_connectionString, _pragmas);
            }
            catch
            {
                _writeLock.Release();
                throw;
            }
        }

        if (_readers.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleReaders);
            return session;
        }

        return SqliteSession.Open(_connectionString, _pragmas);
    }

    private void ReturnReader(SqliteSession session)
    {
        if (ReferenceEquals(session, _writer))
        {
            _writeLock.Release();
            return;
        }

        if (_disposed || Interlocked.Increment(ref _idleReaders) > MaxIdleReaders)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleReaders);
            }

            session.Dispose();
            return;
        }

        _readers.Add(session);
    }

    private async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadEnvelopesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<OutboxEnvelope>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var message = new OutboxMessage(reader.GetString(1), _serializer.DeserializeEvent(reader.GetString(2)), Instant.FromUnixTimeTicks(reader.GetInt64(3)));
                envelopes.Add(new OutboxEnvelope(reader.GetInt64(0), message, reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    Instant.FromUnixTimeTicks(reader.GetInt64(6)), reader.GetInt64(7) != 0));
            }
        }

        envelopes.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return envelopes;
    }

    private async ValueTask<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private async ValueTask<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var handle = connection.Handle!;
            if (!_prepared.TryGetValue(handle, out _))
            {
                using var pragmas = connection.CreateCommand();
                pragmas.CommandText = _pragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _prepared.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
