using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <summary>
/// Options of <see cref="SqliteEcomStore"/>: which database file, and how durable each commit is. Set either
/// <see cref="DataSource"/> (a file path) or <see cref="ConnectionString"/>.
/// </summary>
public sealed class SqliteStoreOptions
{
    private TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);
    private int _groupCommitMaxBatch = 64;
    private TimeSpan _groupCommitMaxWait = TimeSpan.Zero;
    private int _checkpointPages = 10_000;

    /// <summary>Gets or sets the path of the database file; created when missing.</summary>
    /// <value>The default is null (use <see cref="ConnectionString"/>).</value>
    public string? DataSource { get; set; }

    /// <summary>Gets or sets a full Microsoft.Data.Sqlite connection string, for settings <see cref="DataSource"/> does not cover.</summary>
    /// <value>The default is null (use <see cref="DataSource"/>).</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets how durable each commit is (<c>PRAGMA synchronous</c>).</summary>
    /// <value>
    /// The default is <see cref="SqliteSynchronous.Full"/>: a command the engine reported as accepted survives a power
    /// loss, which is what a store of orders and payments owes the payment gateway and carriers it has answered.
    /// <see cref="SqliteSynchronous.Normal"/> survives process crashes only (the last commits can roll back on power
    /// loss, the database stays consistent) and commits about ten times faster on small transactions.
    /// </value>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Gets or sets how long a connection waits for another writer's lock before failing (<c>PRAGMA busy_timeout</c>).</summary>
    /// <value>The default is 5 seconds; between 0 and 10 minutes.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than 10 minutes.</exception>
    public TimeSpan BusyTimeout
    {
        get => _busyTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(10));
            _busyTimeout = value;
        }
    }

    /// <summary>
    /// Gets or sets how many concurrent saves at most share one transaction and one commit (group commit): saves that
    /// arrive while a commit is being written queue up, and the store's writer commits them together, each change set
    /// under its own savepoint, so one that conflicts (a stale version, a duplicate command ID) is rolled back and
    /// fails alone. Every save still returns only after the commit that holds it is durable. 1 commits every change set
    /// in its own transaction.
    /// </summary>
    /// <value>The default is 64; between 1 and 1,024.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1,024.</exception>
    public int GroupCommitMaxBatch
    {
        get => _groupCommitMaxBatch;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024);
            _groupCommitMaxBatch = value;
        }
    }

    /// <summary>
    /// Gets or sets how long the writer waits for more saves to join a batch that is not full before committing it.
    /// Zero commits whatever is queued at once: batches then form by themselves while the previous commit is being
    /// written, which costs a lone caller no latency.
    /// </summary>
    /// <value>The default is zero; between zero and one second.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than one second.</exception>
    public TimeSpan GroupCommitMaxWait
    {
        get => _groupCommitMaxWait;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromSeconds(1));
            _groupCommitMaxWait = value;
        }
    }

    /// <summary>
    /// Gets or sets how many pages the write-ahead log holds before the commit that passes it copies them into the
    /// database file (<c>PRAGMA wal_autocheckpoint</c>). A checkpoint writes each page in the log once, however many
    /// commits wrote it, so a longer log copies the pages every command touches (the tops of the indexes, the newest
    /// leaves) fewer times. It costs disk space (a page is 4 KB, and the log file keeps its size after a checkpoint) and,
    /// after a crash, a longer read of the log when the database is opened again. Each time the store's write
    /// connection has written a quarter of this many pages, a passive checkpoint on a connection of its own copies the
    /// log so far while commits go on, so the commit that passes the mark (and the saves queued behind it) finds little
    /// left to copy; hot pages are then copied about four times per mark, off the commit path, and while one runs the
    /// log can grow past the mark by what is committed meanwhile.
    /// </summary>
    /// <value>The default is 10,000 pages (a log of about 40 MB); between 1,000 and 1,000,000.</value>
    /// <remarks>Measured with the benchmarks' load mode on a 2-core machine, placing and paying orders: 100,000 pages ran
    /// about 17 % more commands a second than 10,000 with <see cref="SqliteSynchronous.Normal"/> (1 and 64 clients), and
    /// within the noise with <see cref="SqliteSynchronous.Full"/>, where the fsync of each commit dominates (both before
    /// the background checkpoints). With them, at 10,000 pages and 64 clients, the slowest 1 % of commands waited
    /// 11–13 ms instead of 19–20 ms (the median about 4 ms) with <see cref="SqliteSynchronous.Full"/>, and 12–15 ms
    /// instead of 42 ms with <see cref="SqliteSynchronous.Normal"/> (three runs with them, two to three without).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1,000 or above 1,000,000.</exception>
    public int CheckpointPages
    {
        get => _checkpointPages;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1_000);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1_000_000);
            _checkpointPages = value;
        }
    }

    /// <summary>Gets or sets whether the store checkpoints in the background (see <see cref="CheckpointPages"/>); tests turn it off to watch the automatic checkpoint alone.</summary>
    internal bool BackgroundCheckpoints { get; set; } = true;

    /// <summary>Checks the options and builds the connection string the store uses (pooling on, file database).</summary>
    /// <returns>The connection string.</returns>
    /// <exception cref="InvalidOperationException">Neither or both of <see cref="DataSource"/> and <see cref="ConnectionString"/> are set,
    /// the connection string is malformed, the database is in memory (a store opens a connection per operation, so
    /// it needs a file), or <see cref="Synchronous"/> is not a defined value.</exception>
    public string BuildConnectionString()
    {
        var hasPath = !string.IsNullOrWhiteSpace(DataSource);
        var hasString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasPath == hasString)
        {
            throw new InvalidOperationException("Set exactly one of SqliteStoreOptions.DataSource and SqliteStoreOptions.ConnectionString.");
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new InvalidOperationException($"SqliteStoreOptions.Synchronous has the undefined value {(int)Synchronous}.");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = hasString ? new SqliteConnectionStringBuilder(ConnectionString) : new SqliteConnectionStringBuilder { DataSource = DataSource };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("SqliteStoreOptions.ConnectionString is not a valid SQLite connection string: " + e.Message, e);
        }

        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(builder.DataSource)
            || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("SqliteEcomStore needs a database file: it opens a connection per operation, and an in-memory database lives only as long as one connection.");
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new InvalidOperationException("SqliteEcomStore writes: the connection string must not open the database read-only.");
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
