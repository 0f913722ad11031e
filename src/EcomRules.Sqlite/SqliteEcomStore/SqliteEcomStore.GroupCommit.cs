using System.Threading.Channels;
using EcomRules.Commands;
using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <content>
/// Group commit: saves that arrive while the write connection is busy queue up, and one writer commits whatever is
/// queued (at most <see cref="SqliteStoreOptions.GroupCommitMaxBatch"/>) in one transaction, so many commands share
/// one fsync. Each change set runs under its own savepoint: one that fails (a stale version, a duplicate command ID)
/// is rolled back to its savepoint and fails alone, and its neighbours commit. A save completes only after the
/// commit that holds it returned, so a returned save is as durable as <c>synchronous</c> makes a commit.
/// </content>
public sealed partial class SqliteEcomStore
{
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private Task? _writerLoop;
    private int _queued;
    private long _commits;
    private long _committedSaves;

    /// <summary>Gets how many saves wait in the queue (for tests).</summary>
    internal int QueuedSaves => Volatile.Read(ref _queued);

    /// <summary>Gets whether a save or read holds the write connection (for tests).</summary>
    internal bool HoldsWriteLock => _writeLock.CurrentCount == 0;

    /// <summary>
    /// Gets the write connection's statements and page counters, and the idle readers' page counters (for the load
    /// benchmark: statements and pages per command). Read while the store is quiet.
    /// </summary>
    internal (long Statements, long WriterMisses, long WriterWrites, long ReaderHits, long ReaderMisses) WorkCounts()
    {
        var writer = _writer;
        var (_, writerMisses, writerWrites) = writer?.PageCounts() ?? default;
        long readerHits = 0, readerMisses = 0;
        foreach (var reader in _readers)
        {
            var (hits, misses, _) = reader.PageCounts();
            readerHits += hits;
            readerMisses += misses;
        }

        return (writer?.Statements ?? 0, writerMisses, writerWrites, readerHits, readerMisses);
    }

    /// <summary>Gets how many transactions with at least one save committed, and how many saves they held (for tests and the load benchmark: saves per commit).</summary>
    internal (long Commits, long Saves) CommitCounts => (Interlocked.Read(ref _commits), Interlocked.Read(ref _committedSaves));

    /// <summary>
    /// Commits a prepared save: at once on the caller's thread when nothing is queued and the write connection is
    /// free (a lone caller pays no hand-off), otherwise through the writer's next batch.
    /// </summary>
    private async ValueTask CommitAsync(PendingSave pending, CancellationToken cancellationToken)
    {
        if (_maxBatch == 1 || (Volatile.Read(ref _queued) == 0 && _writeLock.Wait(0)))
        {
            if (_maxBatch == 1)
            {
                await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                pending.TryTake();
                CommitBatch([pending], cancellationToken);
            }
            finally
            {
                _writeLock.Release();
            }

            await pending.Done.Task.ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(SqliteEcomStore));
        }

        EnsureWriterLoop();
        using (cancellationToken.Register(static (state, token) => ((PendingSave)state!).Cancel(token), pending))
        {
            await pending.Done.Task.ConfigureAwait(false);
        }
    }

    private void EnsureWriterLoop()
    {
        if (Volatile.Read(ref _writerLoop) is null)
        {
            var loop = new Task<Task>(WriteLoopAsync);
            if (Interlocked.CompareExchange(ref _writerLoop, loop.Unwrap(), null) is null)
            {
                loop.Start(TaskScheduler.Default);
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingSave>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(reader, batch);
            if (_maxWait > TimeSpan.Zero && batch.Count < _maxBatch)
            {
                await LingerAsync(reader, batch).ConfigureAwait(false);
            }

            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                // Whatever queued while the last commit was written joins this one.
                Drain(reader, batch);
                Interlocked.Add(ref _queued, -batch.Count);
                var taken = batch.FindAll(static p => p.TryTake());
                if (_disposed)
                {
                    taken.ForEach(static p => p.Done.TrySetException(new ObjectDisposedException(nameof(SqliteEcomStore))));
                }
                else if (taken.Count > 0)
                {
                    CommitBatch(taken, CancellationToken.None);
                }
            }
            finally
            {
                _writeLock.Release();
            }

            batch.Clear();
        }
    }

    private async Task LingerAsync(ChannelReader<PendingSave> reader, List<PendingSave> batch)
    {
        using var timeout = new CancellationTokenSource(_maxWait);
        try
        {
            while (batch.Count < _maxBatch && await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
            {
                Drain(reader, batch);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The wait is over: commit what there is.
        }
    }

    private void Drain(ChannelReader<PendingSave> reader, List<PendingSave> batch)
    {
        while (batch.Count < _maxBatch && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    /// <summary>
    /// Commits taken saves in one transaction and completes each; the caller holds <see cref="_writeLock"/>. Never
    /// throws: every failure ends up in the failing saves' tasks.
    /// </summary>
    /// <param name="batch">The saves, each taken (no longer cancellable).</param>
    /// <param name="lastChance">Checked just before the commit (a lone caller's token); nothing is committed when it is cancelled.</param>
    private void CommitBatch(IReadOnlyList<PendingSave> batch, CancellationToken lastChance)
    {
        var failures = new Exception?[batch.Count];
        var savepoints = batch.Count > 1;
        SqliteSession? session = null;
        try
        {
            session = Writer();

            // BEGIN IMMEDIATE: take the write lock first, so the version checks below cannot be overtaken.
            session.Execute("BEGIN IMMEDIATE;");
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            Fail(batch, failures, e);
            return;
        }

        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (savepoints)
                {
                    session.Execute("SAVEPOINT change_set;");
                }

                try
                {
                    WriteChangeSet(session, batch[i]);
                }
                catch (Exception e) when (savepoints)
                {
                    // This change set alone is undone (a stale version, a duplicate command ID, a constraint); its
                    // neighbours stay in the transaction. When the transaction itself is gone (an I/O error), the
                    // ROLLBACK TO fails and the whole batch fails below.
                    failures[i] = e;
                    session.Execute("ROLLBACK TO change_set;");
                }

                if (savepoints)
                {
                    session.Execute("RELEASE change_set;");
                }
            }

            // Last chance to cancel; once the commit starts it completes (a cancelled save commits nothing).
            lastChance.ThrowIfCancellationRequested();
            session.Execute("COMMIT;");
            var committed = Array.FindAll(failures, static f => f is null).Length;
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedSaves, committed);
        }
        catch (Exception e)
        {
            // Nothing of this batch is committed: every save in it fails, with its own error where it had one.
            Rollback(session);
            Fail(batch, failures, e);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult();
            }
        }

        CheckpointIfDue(session);
    }

    private static void Fail(IReadOnlyList<PendingSave> batch, Exception?[] failures, Exception error)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var failure = failures[i] ?? error;
            if (failure is OperationCanceledException cancelled)
            {
                batch[i].Done.TrySetCanceled(cancelled.CancellationToken);
            }
            else
            {
                batch[i].Done.TrySetException(failure);
            }
        }
    }

    /// <summary>Stops taking saves and lets the writer commit what is queued.</summary>
    private Task StopWriter()
    {
        _queue.Writer.TryComplete();
        return Volatile.Read(ref _writerLoop) ?? Task.CompletedTask;
    }

    /// <summary>A change set, serialized, waiting for a commit.</summary>
    private sealed class PendingSave(ChangeSet changes, (string Type, string Json)[] writes, string[] events)
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;
        private int _state;

        public ChangeSet Changes => changes;

        public (string Type, string Json)[] Writes => writes;

        public string[] Events => events;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Takes the save into a commit; false when its caller cancelled first.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        /// <summary>Cancels the save unless a commit took it already (then it completes with that commit).</summary>
        public void Cancel(CancellationToken token)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                Done.TrySetCanceled(token);
            }
        }
    }
}
