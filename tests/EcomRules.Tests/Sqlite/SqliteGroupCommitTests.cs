using EcomRules.Commands;
using EcomRules.Sqlite;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

/// <summary>
/// Group commit in <see cref="SqliteEcomStore"/> (issue 19). A batch is forced without timing: another connection
/// holds SQLite's write lock, so the first save blocks inside its transaction while the others queue; when the lock
/// is released the first commits alone and the writer commits every queued save in one transaction.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 11, 1, 0);

    [Theory]
    [InlineData(0)]
    [InlineData(1025)]
    public void GroupCommitMaxBatch_IsBounded(int value)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { GroupCommitMaxBatch = value });

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void GroupCommitMaxWait_IsBounded(int milliseconds)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { GroupCommitMaxWait = TimeSpan.FromMilliseconds(milliseconds) });

    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task ConflictingChangeSets_InABatch_FailAlone_AndNeverRollBackTheirNeighbours()
    {
        using var db = new SqliteTestDatabase();
        using var store = Open(db);
        var taken = Key("taken");
        await store.SaveAsync(Change("c0", taken, 0));
        var before = store.CommitCounts;

        var stale = Change("stale", taken, 0); // the aggregate is at version 1 already
        var duplicate = Change("c0", Key("dup"), 0); // the command ID is recorded already
        var saves = await InOneBatchAsync(db, store, Change("first", Key("first"), 0), [Change("a", Key("a"), 0), stale, duplicate, Change("d", Key("d"), 0)]);

        Assert.True(saves[0].IsCompletedSuccessfully);
        Assert.True(saves[1].IsCompletedSuccessfully);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => saves[2]);
        await Assert.ThrowsAsync<DuplicateCommandException>(() => saves[3]);
        Assert.True(saves[4].IsCompletedSuccessfully);

        // The first save alone, then one transaction for the four queued ones: three committed, two failed alone.
        Assert.Equal((before.Commits + 2, before.Saves + 3), store.CommitCounts);
        foreach (var committed in new[] { "first", "a", "d" })
        {
            Assert.Equal(1, (await store.LoadAsync(Key(committed)))!.Version);
            Assert.NotNull(await store.FindCommandAsync(new CommandId(committed)));
            Assert.Single(await store.ReadAuditAsync(Key(committed)));
        }

        Assert.Null(await store.FindCommandAsync(new CommandId("stale")));
        Assert.Null(await store.LoadAsync(Key("dup")));
        Assert.Equal("c0", ((ContractState)(await store.LoadAsync(taken))!.State).Name);
        Assert.Equal(4, db.Scalar("SELECT count(*) FROM audit"));
        Assert.Equal(4, db.Scalar("SELECT count(*) FROM outbox"));
        Assert.Equal("ok", await store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task ASaveCancelledWhileQueued_CommitsNothing_AndItsNeighboursCommit()
    {
        using var db = new SqliteTestDatabase();
        using var store = Open(db);
        using var cancel = new CancellationTokenSource();
        var before = store.CommitCounts;
        var saves = await InOneBatchAsync(db, store, Change("first", Key("first"), 0), [Change("a", Key("a"), 0), Change("gone", Key("gone"), 0), Change("b", Key("b"), 0)],
            onQueued: () => cancel.Cancel(), cancelled: (2, cancel.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => saves[2]);
        await Task.WhenAll(saves[0], saves[1], saves[3]);
        Assert.Null(await store.FindCommandAsync(new CommandId("gone")));
        Assert.Null(await store.LoadAsync(Key("gone")));
        Assert.Equal((before.Commits + 2, before.Saves + 3), store.CommitCounts);
    }

    [Fact]
    public async Task DisposingTheStore_CommitsWhatIsQueued_AndRefusesLaterSaves()
    {
        using var db = new SqliteTestDatabase();
        var store = Open(db);
        await store.SaveAsync(Change("c1", Key("one"), 0));
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveAsync(Change("c2", Key("two"), 0)).AsTask());
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM commands"));
    }

    /// <summary>Opens the store with a long busy timeout: the tests hold SQLite's write lock while saves queue.</summary>
    internal static SqliteEcomStore Open(SqliteTestDatabase db, TimeSpan? maxWait = null)
    {
        var options = db.Options;
        options.BusyTimeout = TimeSpan.FromMinutes(2);
        options.GroupCommitMaxWait = maxWait ?? TimeSpan.Zero;
        return SqliteEcomStore.OpenAsync(options, SqliteTestDatabase.ContractSerializer).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="first"/>, which blocks on SQLite's write lock held by another connection, then queues
    /// <paramref name="queued"/> behind it, and releases the lock once all of them are queued: the first commits alone,
    /// the queued ones in one batch. Returns every save's task (the first one first), each finished.
    /// </summary>
    internal static async Task<Task[]> InOneBatchAsync(SqliteTestDatabase db, SqliteEcomStore store, ChangeSet first, ChangeSet[] queued,
        Action? onQueued = null, (int Index, CancellationToken Token)? cancelled = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var blocker = db.Connect();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
        }

        var saves = new List<Task> { Task.Run(() => store.SaveAsync(first).AsTask()) };
        while (!store.HoldsWriteLock)
        {
            await Task.Delay(1, timeout.Token);
        }

        for (var i = 0; i < queued.Length; i++)
        {
            var changes = queued[i];
            var token = cancelled is { } c && c.Index == i + 1 ? c.Token : CancellationToken.None;
            saves.Add(Task.Run(() => store.SaveAsync(changes, token).AsTask()));
        }

        while (store.QueuedSaves < queued.Length)
        {
            await Task.Delay(1, timeout.Token);
        }

        onQueued?.Invoke();
        using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        }

        try
        {
            await Task.WhenAll(saves).WaitAsync(timeout.Token);
        }
        catch (Exception) when (!timeout.IsCancellationRequested)
        {
            // Some saves are meant to fail; the caller checks each.
        }

        return [.. saves];
    }

    internal static AggregateKey Key(string id) => new("contract", id);

    internal static ChangeSet Change(string commandId, AggregateKey key, long expected, int counter = 0, string change = "+0")
    {
        var version = expected + 1;
        return new ChangeSet(
            new IdempotencyRecord(new(commandId), "fp", key, DecisionStatus.Accepted, RefusalCode.None, default, "ok", version),
            [new AggregateWrite(key, expected, new ContractState(commandId, counter))],
            [new AuditEntry(new(commandId), key, "actor", ActorRole.System, T0, "Act", change, null, version, T0 + Duration.FromDays(1827))],
            [new OutboxMessage(commandId + "/0", new ContractEvent(key, T0, "n"), T0)],
            []);
    }
}
