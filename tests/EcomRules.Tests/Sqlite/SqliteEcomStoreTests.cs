using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Sqlite;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using EcomRules.Tests.Processing;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteEcomStoreTests
{
    private static readonly AggregateKey Key = new("contract", "a");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);

    [Fact]
    public async Task EmptyFile_IsMigratedToTheLatestSchema_InWal()
    {
        using var db = new SqliteTestDatabase();
        await File.WriteAllBytesAsync(db.FilePath, []);
        db.Open();

        Assert.Equal(SqliteSchema.LatestVersion, db.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(SqliteSchema.LatestVersion, db.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal(5, db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('aggregates','commands','audit','outbox','timers')"));
        using var connection = db.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Reopening_KeepsData_AndAppliesNoMigrationTwice()
    {
        using var db = new SqliteTestDatabase();
        var first = db.Open();
        await first.SaveAsync(Change("c1", 0));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var second = db.Open();
        Assert.Equal(1, (await second.LoadAsync(Key))!.Version);
        Assert.Equal(new ContractState("c1", 1), (await second.LoadAsync(Key))!.State);
        Assert.Single(await second.ReadAuditAsync(Key));
        Assert.Equal(SqliteSchema.LatestVersion, db.Scalar("SELECT count(*) FROM schema_version"));
    }

    // Issue 19: the write connection keeps its savepoints' page copies in memory (temp_store = MEMORY); no connection
    // the pool hands out inherits that, so their sorts still spill to disk.
    [Fact]
    public async Task WriteConnection_KeepsTemporaryFilesInMemory_AndThePoolNeverGetsIt()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open();
        await store.SaveAsync(Change("c1", 0));
        await store.LoadAsync(Key);
        Assert.Equal(2L, TempStore(store.WriteConnection!));

        await store.DisposeAsync();
        using var pooled = new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString);
        pooled.Open();
        Assert.Equal(0L, TempStore(pooled));

        static long TempStore(Microsoft.Data.Sqlite.SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA temp_store";
            return (long)command.ExecuteScalar()!;
        }
    }

    [Fact]
    public async Task NewerSchema_IsRefused()
    {
        using var db = new SqliteTestDatabase();
        db.Open();
        db.Scalar("INSERT INTO schema_version (version) VALUES (99)");
        await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteEcomStore.OpenAsync(db.Options, SqliteTestDatabase.ContractSerializer).AsTask());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("a.db", "Data Source=b.db")]
    [InlineData(null, "Data Source=:memory:")]
    [InlineData(null, "Data Source=x.db;Mode=ReadOnly")]
    public async Task InvalidOptions_AreRefused(string? path, string? connectionString)
        => await Assert.ThrowsAsync<ArgumentException>(() => SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = path, ConnectionString = connectionString }).AsTask());

    [Fact]
    public void BusyTimeout_IsBounded()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { BusyTimeout = TimeSpan.FromHours(1) });

    [Theory]
    [InlineData(999)]
    [InlineData(1_000_001)]
    public void CheckpointPages_IsBounded(int pages)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStoreOptions { CheckpointPages = pages });

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(null, false)]
    public async Task CheckpointPages_BoundsTheWriteAheadLog(int? pages, bool bounded)
    {
        using var db = new SqliteTestDatabase();
        var options = db.Options;
        options.CheckpointPages = pages ?? options.CheckpointPages;

        // The automatic checkpoint alone: a background one still copying when the log passes the mark would delay it
        // by however many commits the machine's scheduling allows.
        options.BackgroundCheckpoints = false;
        await using var store = await SqliteEcomStore.OpenAsync(options, SqliteTestDatabase.ContractSerializer);
        for (var i = 0; i < 600; i++)
        {
            await store.SaveAsync(Change("c" + i, i, events: 3));
        }

        // A frame is a page and its 24-byte header; the log restarts from its beginning after a checkpoint.
        var frames = new FileInfo(db.FilePath + "-wal").Length / (4096 + 24);
        Assert.True(frames > 1_100 != bounded, $"{frames} frames in the log");
    }

    [Fact]
    public async Task BackgroundCheckpoints_CopyTheLogBeforeTheMark_AndLoseNothing()
    {
        using var db = new SqliteTestDatabase();
        var options = db.Options;
        options.CheckpointPages = 1_000;
        long checkpoints;
        (long Log, long Copied) last;
        await using (var store = await SqliteEcomStore.OpenAsync(options, SqliteTestDatabase.ContractSerializer))
        {
            // Concurrent savers: checkpoints run while commits go on (what they copy then depends on timing).
            await Task.WhenAll(Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
            {
                for (var i = 0; i < 40; i++)
                {
                    await store.SaveAsync(New($"k{client}-{i}"));
                }
            })));

            // Then one saver that waits for each checkpoint it starts, so none is skipped and none overlaps a commit.
            await store.CheckpointTask;
            var before = store.BackgroundCheckpoints;
            for (var i = 0; i < 320; i++)
            {
                await store.SaveAsync(New($"s{i}"));
                await store.CheckpointTask;
            }

            checkpoints = store.BackgroundCheckpoints - before;
            last = store.LastBackgroundCheckpoint;
        }

        // Every quarter of CheckpointPages the write connection writes (250 pages here) starts one: four or more for
        // these saves, each copying the whole log, which the automatic checkpoint (at 1,000 pages) had not reached.
        Assert.True(checkpoints >= 2, $"{checkpoints} background checkpoints");
        Assert.True(last.Copied > 0 && last.Copied == last.Log, $"the last one copied {last.Copied} of {last.Log} pages");
        await using var reopened = await SqliteEcomStore.OpenAsync(db.Options, SqliteTestDatabase.ContractSerializer);
        Assert.Equal("ok", await reopened.CheckIntegrityAsync());
        Assert.Equal(640, db.Scalar("SELECT count(*) FROM aggregates"));
        Assert.Equal(640, db.Scalar("SELECT count(*) FROM commands"));
        Assert.Equal(1_920, db.Scalar("SELECT count(*) FROM outbox"));

        static ChangeSet New(string id)
            => Change(id, 0, events: 3) with { Writes = [new AggregateWrite(new AggregateKey("contract", id), 0, new ContractState("s", 1))] };
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task FailingWrite_LeavesNothing_NotEvenTheIdempotencyRecord()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open();
        var unknownEvent = Change("bad", 0) with { Outbox = [new OutboxMessage("bad/0", new UnknownEvent(Key, T0), T0)] };

        await Assert.ThrowsAsync<NotSupportedException>(() => store.SaveAsync(unknownEvent).AsTask());
        await store.SaveAsync(Change("c1", 0));
        var duplicateOutboxKey = Change("c2", 1) with { Outbox = [new OutboxMessage("c1/0", new ContractEvent(Key, T0, "again"), T0)] };
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.SaveAsync(duplicateOutboxKey).AsTask());

        Assert.Equal(1, (await store.LoadAsync(Key))!.Version);
        Assert.Null(await store.FindCommandAsync(new CommandId("c2")));
        Assert.Null(await store.FindCommandAsync(new CommandId("bad")));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM audit"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM commands"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM outbox"));
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public async Task PurgeAudit_DeletesOnlyEntriesPastTheirRetention()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open();
        await store.SaveAsync(Change("c1", 0));
        var retainUntil = (await store.ReadAuditAsync(Key))[0].RetainUntil;

        Assert.Equal(0, await store.PurgeAuditAsync(retainUntil - Duration.FromTicks(1)));
        Assert.Single(await store.ReadAuditAsync(Key));
        Assert.Equal(1, await store.PurgeAuditAsync(retainUntil));
        Assert.Empty(await store.ReadAuditAsync(Key));
    }

    [Fact]
    public async Task OutboxClaims_HoldUntilTheLeaseExpires_AndCompleteOnlyForTheOwner()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open();
        await store.SaveAsync(Change("c1", 0, events: 3));

        var a = await store.ClaimOutboxAsync("a", 2, T0, Duration.FromMinutes(1));
        var b = await store.ClaimOutboxAsync("b", 10, T0, Duration.FromMinutes(1));
        Assert.Equal([1L, 2L], a.Select(e => e.Sequence));
        Assert.Equal([3L], b.Select(e => e.Sequence));
        Assert.Empty(await store.ClaimOutboxAsync("c", 10, T0 + Duration.FromSeconds(59), Duration.FromMinutes(1)));

        Assert.False(await store.CompleteOutboxAsync(1, "b", T0));
        Assert.True(await store.CompleteOutboxAsync(1, "a", T0));
        Assert.True(await store.FailOutboxAsync(2, "a", "boom", T0 + Duration.FromMinutes(5), deadLetter: false));

        var later = await store.ClaimOutboxAsync("c", 10, T0 + Duration.FromMinutes(2), Duration.FromMinutes(1));
        Assert.Equal([3L], later.Select(e => e.Sequence)); // b's lease expired; 2 waits for its backoff
        Assert.True(await store.CompleteOutboxAsync(3, "c", T0 + Duration.FromMinutes(2)));
        var retried = Assert.Single(await store.ClaimOutboxAsync("c", 10, T0 + Duration.FromMinutes(5), Duration.FromMinutes(1)));
        Assert.Equal((2L, 1, "boom"), (retried.Sequence, retried.Attempts, retried.LastError));
        Assert.True(await store.FailOutboxAsync(2, "c", "dead", T0, deadLetter: true));
        Assert.Equal(new OutboxStatistics(0, 1, null), await store.GetOutboxStatisticsAsync());
        Assert.True(await store.RetryDeadLetterAsync(2, T0 + Duration.FromHours(1)));
        Assert.Equal(0, Assert.Single(await store.ClaimOutboxAsync("d", 10, T0 + Duration.FromHours(1), Duration.FromMinutes(1)), e => e.Sequence == 2).Attempts);
    }

    [Fact]
    public async Task TimerClaims_HoldUntilTheLeaseExpires_AndAMovedTimerIsNotCompleted()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open();
        await store.SaveAsync(Change("c1", 0, events: 0) with { Timers = [new TimerRequest("t1", Key, "sla-breach", T0), new TimerRequest("t2", Key, "sla-breach", T0 + Duration.FromHours(1))] });

        var claimed = Assert.Single(await store.ClaimDueTimersAsync("a", 10, T0, Duration.FromMinutes(1)));
        Assert.Empty(await store.ClaimDueTimersAsync("b", 10, T0 + Duration.FromSeconds(30), Duration.FromMinutes(1)));
        await store.SaveAsync(Change("c2", 1, events: 0) with { Timers = [new TimerRequest("t1", Key, "sla-breach", T0 + Duration.FromMinutes(10))] });

        Assert.False(await store.CompleteTimerAsync(claimed, "a"));
        Assert.Equal(2, await store.CountTimersAsync());
        var moved = Assert.Single(await store.ClaimDueTimersAsync("b", 10, T0 + Duration.FromMinutes(10), Duration.FromMinutes(1)));
        Assert.True(await store.CompleteTimerAsync(moved, "b"));
        Assert.Equal(1, await store.CountTimersAsync());
        Assert.Equal("ok", await store.CheckIntegrityAsync());
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task EightWriters_OnOneOrder_LoseNoUpdate()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 100 });
        var order = new OrderId("busy");
        var at = OrderScenario.At(2026, 3, 4, 9, 0);
        await engine.ExecuteAsync(new PlaceOrder(new("place"), OrderScenario.Customer, at, order, OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 1, 10m))));

        // Each writer records tracking events on the shipped order: every one is accepted and bumps the version.
        var f = new ProcessingFixture(store);
        await f.RunAsync(new PayOrder(new("pay"), Actor.System, at, order, (await f.OrderAsync("busy")).Total));
        await f.RunAsync(new ConfirmOrder(new("confirm"), OrderScenario.Sales, at, order));
        await f.RunAsync(new AllocateStock(new("allocate"), OrderScenario.Warehouse, at, order, "DN"));
        await f.RunAsync(new RecordInvoice(new("invoice"), Actor.System, at, order, "INV-1", (await f.OrderAsync("busy")).Total));
        await f.RunAsync(new RecordShipment(new("ship"), OrderScenario.Carrier, at, order, new Shipping.CarrierId("sf"), "SF1"));
        var before = (await store.LoadAsync(order.Key))!.Version;

        const int Writers = 8, PerWriter = 10;
        var accepted = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var count = 0;
            var own = new EcomEngine(store, EcomPolicy.RetailPlatform, new EcomEngineOptions { MaxConcurrencyRetries = 100 });
            for (var i = 0; i < PerWriter; i++)
            {
                var decision = await (w % 2 == 0 ? own : engine).ExecuteAsync(new RecordTrackingEvent(new($"track-{w}-{i}"), OrderScenario.Carrier, at, order, TrackingEventKind.InTransit));
                count += decision.IsAccepted ? 1 : 0;
            }

            return count;
        })));

        Assert.Equal(Writers * PerWriter, accepted.Sum());
        Assert.Equal(before + (Writers * PerWriter), (await store.LoadAsync(order.Key))!.Version);
        var audit = await store.ReadAuditAsync(order.Key);
        Assert.Equal((int)before + (Writers * PerWriter), audit.Count);
        Assert.Equal(Enumerable.Range(1, audit.Count).Select(v => (long)v), audit.Select(a => a.Version));
    }

    [Fact]
    [Trait("Rule", "INV-1")]
    public async Task EndToEnd_PlaceToCompletion_DrivenByDispatcherAndScheduler()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        var f = new ProcessingFixture(store);
        await f.AllocatedAsync("e2e");
        var now = ProcessingFixture.T0 + Duration.FromHours(1);

        await f.DrainAsync(now);
        var shipped = await f.OrderAsync("e2e");
        Assert.Equal(OrderState.Shipped, shipped.State);
        Assert.Equal(Assert.Single(f.Invoices.Issued).Result.InvoiceNumber, shipped.InvoiceNumber);
        Assert.Equal(Assert.Single(f.Sf.Bookings).Result.TrackingNumber, shipped.TrackingNumber);

        await f.RunAsync(new RecordTrackingEvent(new("e2e/signed"), OrderScenario.Carrier, now + Duration.FromDays(2), new OrderId("e2e"), TrackingEventKind.Signed));
        var closes = (await f.OrderAsync("e2e")).ReturnWindowClosesAt!.Value;
        while (await f.Scheduler.RunOnceAsync("s", closes) > 0)
        {
        }

        await f.DrainAsync(closes);
        Assert.Equal(OrderState.Completed, (await f.OrderAsync("e2e")).State);
        Assert.Equal(["order-shipped", "order-received"], f.Notifier.Sent.Select(s => s.Template));
        Assert.Equal(new OutboxStatistics(0, 0, null), await store.GetOutboxStatisticsAsync());

        // ORD-5: the completion opened the follow-up visit; its timers (the breach and the first warning, SLA-8) wait until it is made.
        var visit = new EcomRules.Complaints.FollowUpVisitId(new OrderId("e2e"));
        Assert.Equal(2, await store.CountTimersAsync());
        await f.RunAsync(new EcomRules.Complaints.RecordFollowUpVisit(new("e2e/visit"), new Actor("cs-1", ActorRole.CustomerService), closes + Duration.FromHours(10), visit, "Satisfied."));
        Assert.Equal(0, await store.CountTimersAsync());

        // Commands that change no state (a deadline that passed harmlessly) are audited at the version they saw.
        var audit = await store.ReadAuditAsync(new OrderId("e2e").Key);
        var version = (await store.LoadAsync(new OrderId("e2e").Key))!.Version;
        Assert.Equal(Enumerable.Range(1, (int)version).Select(v => (long)v), audit.Select(a => a.Version).Distinct());
        Assert.Equal("ok", await store.CheckIntegrityAsync());
    }

    private static ChangeSet Change(string id, long expected, int events = 1)
    {
        var version = expected + 1;
        return new ChangeSet(
            new IdempotencyRecord(new(id), "fp", Key, DecisionStatus.Accepted, RefusalCode.None, default, "ok", version),
            [new AggregateWrite(Key, expected, new ContractState(id, (int)version))],
            [new AuditEntry(new(id), Key, "actor", ActorRole.System, T0, "Act", "a → b", null, version, T0 + Duration.FromDays(1827))],
            [.. Enumerable.Range(0, events).Select(i => new OutboxMessage($"{id}/{i}", new ContractEvent(Key, T0, "n"), T0))],
            []);
    }

    private sealed record UnknownEvent(AggregateKey Source, Instant At) : DomainEvent(Source, At);
}
