using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteMigrationTests
{
    private static readonly AggregateKey Key = new("contract", "old");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);

    [Fact]
    public async Task VersionTwoDatabase_IsMigrated_AndItsRowsReadAndWriteAsBefore()
    {
        using var db = new SqliteTestDatabase();
        var json = SqliteTestDatabase.ContractSerializer.SerializeAggregate(new ContractState("old", 4));
        using (var connection = db.Connect())
        {
            // A file as a store of schema version 2 left it: WITHOUT ROWID aggregates, every timer kind in timers_by_kind.
            Execute(connection, "PRAGMA journal_mode = WAL; CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);");
            Execute(connection, SqliteSchema.Migrations[0] + SqliteSchema.Migrations[1] + "INSERT INTO schema_version (version) VALUES (1), (2);");
            Execute(connection, $"""
                INSERT INTO aggregates (kind, id, version, type, json) VALUES ('contract', 'old', 4, 'ContractState', '{json.Replace("'", "''", StringComparison.Ordinal)}');
                INSERT INTO timers (timer_id, kind, aggregate_kind, aggregate_id, due_at) VALUES
                    ('w', 'sla-warning', 'contract', 'old', {T0.ToUnixTimeTicks()}), ('b', 'sla-breach', 'contract', 'old', {T0.ToUnixTimeTicks()});
                """);
        }

        var store = db.Open();
        Assert.Equal(SqliteSchema.LatestVersion, db.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'aggregates' AND sql LIKE '%WITHOUT ROWID%'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'timers_by_kind' AND sql LIKE '%WHERE kind IN%'"));
        // The work queues' indexes went with the old table and are made again on the new one (else queues would scan).
        Assert.Equal(3, db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'aggregates' AND name IN ('aggregates_key', 'refunds_awaiting_approval', 'returns_awaiting')"));
        Assert.Equal(new StoredAggregate(Key, 4, new ContractState("old", 4)), await store.LoadAsync(Key));

        // The unique key still turns a second creation into a conflict, and an update still checks the version.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(Change("again", 0)).AsTask());
        await store.SaveAsync(Change("next", 4));
        Assert.Equal(5, (await store.LoadAsync(Key))!.Version);
        Assert.Equal(2, (await store.ClaimDueTimersAsync("me", 10, T0, Duration.FromMinutes(1))).Count);
        Assert.Equal("ok", await store.CheckIntegrityAsync());
        await store.DisposeAsync();
    }

    [Fact]
    public async Task VersionThreeDatabase_IsMigrated_AndClaimsTakeOnlyItsPendingMessages()
    {
        using var db = new SqliteTestDatabase();
        var pending = SqliteTestDatabase.ContractSerializer.SerializeEvent(new ContractEvent(Key, T0, "pending"));
        using (var connection = db.Connect())
        {
            // A file as a store of schema version 3 left it: outbox_pending on (available_at, seq); one message
            // delivered and waiting for its purge, one pending.
            Execute(connection, "PRAGMA journal_mode = WAL; CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);");
            Execute(connection, SqliteSchema.Migrations[0] + SqliteSchema.Migrations[1] + SqliteSchema.Migrations[2] + "INSERT INTO schema_version (version) VALUES (1), (2), (3);");
            Execute(connection, $"""
                INSERT INTO outbox (key, event_type, event_json, created_at, available_at, delivered_at) VALUES
                    ('delivered', 'ContractEvent', '{pending.Replace("'", "''", StringComparison.Ordinal)}', {T0.ToUnixTimeTicks()}, {T0.ToUnixTimeTicks()}, {T0.ToUnixTimeTicks()}),
                    ('pending', 'ContractEvent', '{pending.Replace("'", "''", StringComparison.Ordinal)}', {T0.ToUnixTimeTicks()}, {T0.ToUnixTimeTicks()}, NULL);
                """);
        }

        await using var store = db.Open();
        Assert.Equal(4, SqliteSchema.LatestVersion);
        Assert.Equal(SqliteSchema.LatestVersion, db.Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'outbox_pending' AND sql LIKE '%outbox (seq) WHERE delivered_at IS NULL AND dead_letter = 0%'"));
        var claimed = await store.ClaimOutboxAsync("me", 10, T0 + Duration.FromMinutes(1), Duration.FromMinutes(1));
        Assert.Equal(["pending"], claimed.Select(static m => m.Message.IdempotencyKey));
        Assert.Equal("ok", await store.CheckIntegrityAsync());
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static ChangeSet Change(string id, long expected)
        => new(
            new IdempotencyRecord(new(id), "fp", Key, DecisionStatus.Accepted, RefusalCode.None, default, "ok", expected + 1),
            [new AggregateWrite(Key, expected, new ContractState(id, (int)expected + 1))],
            [new AuditEntry(new(id), Key, "actor", ActorRole.System, T0, "Act", "a → b", null, expected + 1, T0 + Duration.FromDays(1827))],
            [],
            []);
}
