using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <content>
/// Checkpoints out of the commit path. The write connection never checkpoints (<c>wal_autocheckpoint=0</c> on it):
/// an automatic checkpoint runs inside the commit that crosses the threshold, so one command in a few hundred paid
/// for copying thousands of pages back (the p99 of a lone caller). Instead, every <see cref="CheckpointEverySaves"/>
/// committed saves a background task runs <c>PRAGMA wal_checkpoint(PASSIVE)</c> on its own connection: it copies
/// what no reader still needs without taking the write lock, and the writer restarts the log once all of it is
/// copied. Other connections keep <c>wal_autocheckpoint=10000</c> as a backstop.
/// </content>
public sealed partial class SqliteEcomStore
{
    /// <summary>About 4,000 pages of log at ~16 pages per command: a few MB copied back at a time.</summary>
    private const int CheckpointEverySaves = 256;

    private int _savesSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;

    private SqliteSession Writer() => _writer ??= SqliteSession.Open(_connectionString, _pragmas + " PRAGMA wal_autocheckpoint = 0;");

    /// <summary>Counts committed saves and starts a background checkpoint when enough have accumulated.</summary>
    private void AfterCommit(int saves)
    {
        if (Interlocked.Add(ref _savesSinceCheckpoint, saves) < CheckpointEverySaves || !_checkpoint.IsCompleted || _disposed)
        {
            return;
        }

        Interlocked.Exchange(ref _savesSinceCheckpoint, 0);
        _checkpoint = Task.Run(CheckpointAsync);
    }

    private async Task CheckpointAsync()
    {
        try
        {
            var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch (SqliteException)
        {
            // A busy or failed checkpoint is retried after the next few hundred saves; the log only grows meanwhile.
        }
    }
}
