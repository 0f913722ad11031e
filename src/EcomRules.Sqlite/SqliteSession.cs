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
