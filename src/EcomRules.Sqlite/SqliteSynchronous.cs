namespace EcomRules.Sqlite;

/// <summary>How hard SQLite works to make each commit durable (<c>PRAGMA synchronous</c>), in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// <c>NORMAL</c>: in WAL mode a commit is durable across a crash of the process (the data is in the operating
    /// system's cache and the WAL is consistent), but the last commits before a power loss or an operating-system crash
    /// may be rolled back. The database is never corrupted either way. The default: a process crash is the common
    /// failure, and it costs one fsync per checkpoint instead of one per commit.
    /// </summary>
    Normal = 1,

    /// <summary><c>FULL</c>: every commit fsyncs the WAL, so it survives a power loss too; several times slower per commit.</summary>
    Full = 2,
}
