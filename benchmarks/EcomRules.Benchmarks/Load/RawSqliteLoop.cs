using System.Globalization;
using EcomRules.Sqlite;
using Microsoft.Data.Sqlite;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// The raw baseline of a SQLite load cell: each client has its own open connection with the store's pragmas
/// (<c>journal_mode=WAL</c>, the same <c>synchronous</c> and <c>busy_timeout</c>, <c>foreign_keys=ON</c>,
/// <c>wal_autocheckpoint=10000</c> whatever <c>--checkpoint-pages</c> says, <c>cache_size</c>, <c>mmap_size</c>; not the
/// write connection's <c>temp_store=MEMORY</c>, which only savepoints use) and prepared statements, and runs
/// <c>BEGIN IMMEDIATE</c>; one single-row
/// <c>INSERT</c>; <c>COMMIT</c> — what one durable transaction costs on this file system. Concurrent clients take
/// turns through an in-process lock, as the store's own saves do: left to SQLite's busy handler (which sleeps and
/// retries), 8 clients measured slower than one, which would flatter the engine.
/// </summary>
internal sealed class RawSqliteLoop : IDisposable
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly List<SqliteConnection> _connections = [];
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _next;

    public RawSqliteLoop(string path, SqliteSynchronous synchronous, TimeSpan busyTimeout)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456;");
        using var setup = Open();
        using var create = setup.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
        create.ExecuteNonQuery();
    }

    public Func<ValueTask> StepFor(int client)
    {
        var connection = Open();
        lock (_connections)
        {
            _connections.Add(connection);
        }

        var begin = Command(connection, "BEGIN IMMEDIATE;");
        var insert = Command(connection, "INSERT INTO rows (payload) VALUES ($payload);");
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var commit = Command(connection, "COMMIT;");
        return async () =>
        {
            await _lock.WaitAsync().ConfigureAwait(false);
            try
            {
                begin.ExecuteNonQuery();
                payload.Value = "row " + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
                insert.ExecuteNonQuery();
                commit.ExecuteNonQuery();
            }
            finally
            {
                _lock.Release();
            }
        };
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _lock.Dispose();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }
}
