using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <summary>
/// One open connection of a <see cref="SqliteEcomStore"/> with its commands, each prepared on first use and reused
/// (Microsoft.Data.Sqlite keeps a command's compiled statements for as long as its text and connection stay the same).
/// Used by one caller at a time.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>Gets how many statements ran on this connection (for the load benchmark's statements per command).</summary>
    public long Statements { get; private set; }

    /// <summary>
    /// Gets the connection's page-cache counters since it opened (<c>sqlite3_db_status</c>): pages found in its cache,
    /// pages read into it because they were not (from the log or the file), and pages it wrote. A page read straight
    /// from the memory map counts as neither hit nor miss.
    /// </summary>
    /// <returns>The counters.</returns>
    public (long Hits, long Misses, long Writes) PageCounts() => (Status(CacheHit), Status(CacheMiss), PagesWritten());

    /// <summary>Gets how many pages the connection has written since it opened (<c>SQLITE_DBSTATUS_CACHE_WRITE</c>): in WAL mode, frames appended to the log.</summary>
    /// <returns>The count.</returns>
    public long PagesWritten() => Status(CacheWrite);

    private const int CacheHit = 7, CacheMiss = 8, CacheWrite = 9; // SQLITE_DBSTATUS_CACHE_*

    private long Status(int counter)
    {
        _ = SQLitePCL.raw.sqlite3_db_status(Connection.Handle!, counter, out var value, out _, 0);
        return value;
    }

    public static SqliteSession Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = pragmas;
                setup.ExecuteNonQuery();
            }

            return new SqliteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Gets the command for a statement, with no parameter values.</summary>
    /// <param name="sql">The statement; the same string each time.</param>
    /// <returns>The command.</returns>
    public SqliteCommand Command(string sql)
    {
        Statements++;
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        command = Connection.CreateCommand();
        command.CommandText = sql;
        _commands.Add(sql, command);
        return command;
    }

    /// <summary>Runs a statement without parameters (BEGIN, COMMIT, ROLLBACK).</summary>
    /// <param name="sql">The statement.</param>
    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
