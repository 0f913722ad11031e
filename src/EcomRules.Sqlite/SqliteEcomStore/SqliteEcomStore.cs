using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
/// <c>NORMAL</c> survives a process crash, and only a power loss can roll back the last commits), <c>busy_timeout</c>
/// from <see cref="SqliteStoreOptions.BusyTimeout"/>, <c>foreign_keys=ON</c>, <c>wal_autocheckpoint</c> from
/// <see cref="SqliteStoreOptions.CheckpointPages"/> (10,000 pages by default: a change set writes about 20 pages, so
/// SQLite's default of 1,000 pages would checkpoint every few dozen commands; every 10,000 pages, about 40 MB of WAL,
/// each hot page is copied back and synced once for many commits instead; a background <c>wal_checkpoint(PASSIVE)</c>
/// copies most of the log before that commit comes, see <see cref="SqliteStoreOptions.CheckpointPages"/>; with the
/// write connection's automatic checkpoint off instead, the log grew without bound under concurrent readers: 883 MB
/// after 5,000 orders against 74 MB), <c>cache_size</c> 16 MB and <c>mmap_size</c> 256 MB per
/// connection, so readers, whose page cache SQLite drops after every commit of another connection, read pages from the
/// memory map instead of one <c>pread</c> each.</item>
/// <item><b>Pages.</b> A commit's cost is mostly the pages it writes to the log, so the schema keeps them few
/// (version 3): aggregates in a rowid table (an order's JSON stays on its leaf page; in a <c>WITHOUT ROWID</c> table
/// a row over about 1 KB spilled onto an overflow page rewritten by every update), idempotency records and timers in
/// <c>WITHOUT ROWID</c> tables keyed by their IDs (an aggregate's timers share a page), and the work-queue index of
/// timers only over the kinds a queue lists.</item>
/// <item><b>Group commit.</b> Change sets are saved on one connection the store keeps open (SQLite has one writer per
/// file anyway; <c>BEGIN IMMEDIATE</c> and <c>busy_timeout</c> still order it against other connections and
/// processes). A save that finds it free commits at once; saves that arrive while it is busy queue, and one writer
/// commits up to <see cref="SqliteStoreOptions.GroupCommitMaxBatch"/> of them in one transaction and one fsync, each
/// under its own savepoint, so a conflicting change set fails alone and its neighbours commit (the write connection
/// keeps a savepoint's copies of the pages it changes in memory, <c>temp_store=MEMORY</c>). A save returns only
/// after its commit, so an accepted decision is as durable as <see cref="SqliteStoreOptions.Synchronous"/> makes it;
/// a caller that cancels while still queued commits nothing.</item>
/// <item><b>Connections.</b> The engine's reads (<see cref="FindCommandAndLoadAsync"/>, <see cref="LoadAsync"/>,
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
public sealed partial class SqliteEcomStore : IEcomStore, IOutboxStore, ITimerStore, IRetentionStore, IDisposable, IAsyncDisposable
{
    private static readonly int MaxIdleReaders = Math.Max(2, Environment.ProcessorCount);

    private readonly string _connectionString;
    private readonly EcomSerializer _serializer;
    private readonly string _pragmas;
    private readonly string _writerPragmas;

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
        _maxBatch = options.GroupCommitMaxBatch;
        _maxWait = options.GroupCommitMaxWait;
        _checkpointEvery = options.BackgroundCheckpoints ? options.CheckpointPages / 4 : long.MaxValue;
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(options.Synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {options.CheckpointPages}; PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456;");

        // Each change set of a batch runs under a savepoint, which copies every page it first changes into a
        // sub-journal. A payment changes about 27 pages; past 64 KiB SQLite moved the sub-journal to a temporary file,
        // which RELEASE does not truncate, so every later change set of the batch journaled to disk until the COMMIT
        // (issue 19: 105 -> 77 µs of statements per command at 64 clients, SQLite FULL). In memory, a sub-journal is
        // emptied at each RELEASE: it holds the pages one change set changes (a few dozen), and never spills. Temporary
        // b-trees and sorts of this connection stay in memory too, so it runs only point reads and writes and listings
        // bounded by a LIMIT; migrations, purges and anything unbounded use other connections. It is not pooled, so
        // the setting never reaches a connection the pool hands out.
        _writerPragmas = _pragmas + " PRAGMA temp_store = MEMORY;";
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
        try
        {
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
        }
        catch (SqliteException e)
        {
            // Start-up errors name the store and the file: "file is not a database" alone does not say which.
            throw new SqliteException($"EcomRules SQLite store at '{FileOf(connectionString)}': {e.Message}", e.SqliteErrorCode, e.SqliteExtendedErrorCode);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"EcomRules SQLite store at '{FileOf(connectionString)}': {e.Message}", e);
        }

        return store;
    }

    private static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>
    /// Commits the saves still queued, then closes the connections the store keeps open. The store must not be used
    /// afterwards.
    /// </summary>
    public void Dispose()
    {
        StopWriter().GetAwaiter().GetResult();
        CloseConnections();
    }

    /// <summary>
    /// Commits the saves still queued, then closes the connections the store keeps open. The store must not be used
    /// afterwards.
    /// </summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopWriter().ConfigureAwait(false);
        CloseConnections();
    }

    private void CloseConnections()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _writer?.Dispose();
                _writer = null;
                while (_readers.TryTake(out var reader))
                {
                    reader.Dispose();
                }
            }
            finally
            {
                StopCheckpoints();
            }
        }
        finally
        {
            _writeLock.Release();
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

    /// <summary>Gets the write connection, opening it on first use; the caller holds <see cref="_writeLock"/>.</summary>
    private SqliteSession Writer()
        => _writer ??= SqliteSession.Open(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString(), _writerPragmas);

    /// <summary>Gets the write connection when it is open (for tests; use it only while the store is quiet).</summary>
    internal SqliteConnection? WriteConnection => _writer?.Connection;

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
                return Writer();
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

    private async ValueTask<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Bind(command, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>Adds named parameters to a command.</summary>
    private static void Bind(SqliteCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
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
