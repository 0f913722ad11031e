using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <content>
/// Background checkpoints. The write connection's automatic checkpoint (<c>wal_autocheckpoint</c>, every
/// <see cref="SqliteStoreOptions.CheckpointPages"/> pages) runs inside the commit that passes the mark, so every save
/// queued behind that commit waited for the whole log to be copied into the database file and synced: at 64 clients
/// the slowest 1 % of commands waited about 20 ms against 4 ms for the median (issue 19). Each time the write
/// connection has written a quarter of <see cref="SqliteStoreOptions.CheckpointPages"/> more pages, a
/// <c>wal_checkpoint(PASSIVE)</c> on a connection of its own copies the log so far while commits go on; the
/// automatic checkpoint, which still bounds the log and lets it restart from its beginning, then finds most of it
/// copied. A passive checkpoint never waits for readers or writers, and while one runs the automatic one skips
/// (SQLite lets one checkpoint run at a time) and tries again at the next commit. Hot pages are copied about four
/// times as often as by the automatic checkpoint alone, off the commit path.
/// </content>
public sealed partial class SqliteEcomStore
{
    private readonly long _checkpointEvery;
    private long _writtenAtLastCheckpoint;
    private int _checkpointing;
    private Task _checkpoint = Task.CompletedTask;
    private SqliteSession? _checkpointer;
    private long _backgroundCheckpoints;
    private (long Log, long Copied) _lastBackgroundCheckpoint;

    /// <summary>Gets the last background checkpoint started, or a completed task (for tests).</summary>
    internal Task CheckpointTask => _checkpoint;

    /// <summary>Gets how many background checkpoints ran without finding another one running (for tests).</summary>
    internal long BackgroundCheckpoints => Interlocked.Read(ref _backgroundCheckpoints);

    /// <summary>
    /// Gets what the last background checkpoint that ran reported: the pages in the log, and how many of them are in
    /// the database file now (for tests; read after <see cref="CheckpointTask"/> completed).
    /// </summary>
    internal (long Log, long Copied) LastBackgroundCheckpoint => _lastBackgroundCheckpoint;

    /// <summary>
    /// Starts a background checkpoint when the write connection has written enough pages since the last one and
    /// none runs; the caller holds <see cref="_writeLock"/> and has just committed. Never throws.
    /// </summary>
    private void CheckpointIfDue(SqliteSession writer)
    {
        var written = writer.PagesWritten();
        if (written < _writtenAtLastCheckpoint)
        {
            // SQLite's counter is 32 bits wide and wraps after 2^31 pages (hours to days of peak load).
            _writtenAtLastCheckpoint = written;
        }

        if (written - _writtenAtLastCheckpoint < _checkpointEvery || Interlocked.CompareExchange(ref _checkpointing, 1, 0) != 0)
        {
            return;
        }

        _writtenAtLastCheckpoint = written;
        _checkpoint = Task.Run(CheckpointInBackground);
    }

    private void CheckpointInBackground()
    {
        try
        {
            _checkpointer ??= SqliteSession.Open(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString(), _pragmas);

            // One row: busy (1 when another checkpoint held the lock), pages in the log, how many of them are copied.
            using var result = _checkpointer.Command("PRAGMA wal_checkpoint(PASSIVE);").ExecuteReader();
            if (result.Read() && result.GetInt64(0) == 0)
            {
                _lastBackgroundCheckpoint = (result.GetInt64(1), result.GetInt64(2));
                Interlocked.Increment(ref _backgroundCheckpoints);
            }
        }
        catch (SqliteException)
        {
            // Nothing is lost: the write connection's automatic checkpoint copies what this one did not, in the commit
            // path as without background checkpoints. SQLite ignores an error there too (the log keeps the pages,
            // and the next commit tries again); an I/O error that persists fails the commits themselves.
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    /// <summary>
    /// Waits for a running background checkpoint and closes its connection; the caller holds <see cref="_writeLock"/>
    /// after setting <see cref="_disposed"/>, so no other starts.
    /// </summary>
    private void StopCheckpoints()
    {
        try
        {
            _checkpoint.GetAwaiter().GetResult();
        }
        finally
        {
            _checkpointer?.Dispose();
            _checkpointer = null;
        }
    }
}
