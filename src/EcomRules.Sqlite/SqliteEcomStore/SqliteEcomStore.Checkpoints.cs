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
/// (SQLite lets one checkpoint run at a time) and tries again at the next commit.
/// </content>
public sealed partial class SqliteEcomStore
{
    private readonly long _checkpointEvery;
    private long _writtenAtLastCheckpoint;
    private int _checkpointing;
    private Task _checkpoint = Task.CompletedTask;
    private SqliteSession? _checkpointer;
    private long _backgroundCheckpoints;

    /// <summary>Gets the last background checkpoint started, or a completed task (for tests).</summary>
    internal Task CheckpointTask => _checkpoint;

    /// <summary>Gets how many background checkpoints ran to their end (for tests).</summary>
    internal long BackgroundCheckpoints => Interlocked.Read(ref _backgroundCheckpoints);

    /// <summary>
    /// Starts a background checkpoint when the write connection has written enough pages since the last one and
    /// none runs; the caller holds <see cref="_writeLock"/> and has just committed.
    /// </summary>
    private void CheckpointIfDue(SqliteSession writer)
    {
        var written = writer.PagesWritten();
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
            _checkpointer.Execute("PRAGMA wal_checkpoint(PASSIVE);");
            Interlocked.Increment(ref _backgroundCheckpoints);
        }
        catch (SqliteException)
        {
            // Nothing is lost: the write connection's automatic checkpoint copies what this one did not, in the
            // commit path as without background checkpoints, and an I/O error there fails the commit it belongs to.
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    /// <summary>Waits for a running background checkpoint and closes its connection; the caller holds <see cref="_writeLock"/> after setting <see cref="_disposed"/>.</summary>
    private void StopCheckpoints()
    {
        _checkpoint.GetAwaiter().GetResult();
        _checkpointer?.Dispose();
        _checkpointer = null;
    }
}
