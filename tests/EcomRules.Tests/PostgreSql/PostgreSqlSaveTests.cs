using EcomRules.Commands;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.Internal;
using EcomRules.Testing;
using NodaTime;
using Npgsql;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

/// <summary>What the PostgreSQL store's save does beyond the store contract: timers requested twice, older schemas.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSaveTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Timers_RequestedTwiceInOneChangeSet_TakeTheLastRequest()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        await store.SaveAsync(TimersOnly("c0", Timer("moved", 1), Timer("kept", 2)));

        await store.SaveAsync(TimersOnly("c1",
            Timer("moved", 5), Cancel("moved"), Timer("moved", 7),
            Timer("new", 3), Timer("new", 4),
            Cancel("kept"), Timer("kept", 6),
            Timer("gone", 8), Cancel("gone")));

        Assert.Equal([Timer("new", 4), Timer("kept", 6), Timer("moved", 7)], await store.ReadTimersAsync());
    }

    [Fact]
    public async Task DuplicateCommand_ThatAlsoConflictsAndRepeatsItsMessageKey_IsReportedAsADuplicate()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var key = Key("a");
        ChangeSet Change(long expected) => new(Record("c1"), [new AggregateWrite(key, expected, new ContractState("s", (int)expected))],
            [new AuditEntry(new CommandId("c1"), key, "actor", ActorRole.System, Start, "Act", "change", null, expected + 1, Start + Duration.FromDays(1))],
            [new OutboxMessage("c1/0", new ContractEvent(key, Start, "n"), Start)], [Timer("t", 1)]);
        await store.SaveAsync(Change(0));

        // Everything in the repeat would fail: the command ID, the stale version, the message key. The command is checked first.
        var duplicate = await Assert.ThrowsAsync<DuplicateCommandException>(() => store.SaveAsync(Change(0)).AsTask());

        Assert.Equal(new CommandId("c1"), duplicate.CommandId);
        Assert.Equal(1, (await store.LoadAsync(key))!.Version);
        Assert.Single(await store.ReadOutboxAsync());
    }

    [Fact]
    public async Task EveryMixOfAuditOutboxAndTimers_IsWrittenWhole()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var key = Key("a");
        for (var mix = 1; mix < 16; mix++)
        {
            var id = "m" + mix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await store.SaveAsync(TimersOnly("seed-" + id, Timer(id + "-old", 1)));
            var audit = (mix & 1) != 0
                ? new[] { new AuditEntry(new CommandId(id), key, "actor", ActorRole.System, Start, "Act", "a → b", null, 1, Start + Duration.FromDays(1)) }
                : [];
            var outbox = (mix & 2) != 0 ? new[] { new OutboxMessage(id + "/0", new ContractEvent(key, Start, id), Start) } : [];
            var timers = new List<TimerRequest>();
            if ((mix & 4) != 0)
            {
                timers.Add(Timer(id + "-new", 2));
            }

            if ((mix & 8) != 0)
            {
                timers.Add(Cancel(id + "-old"));
            }

            await store.SaveAsync(new ChangeSet(Record(id), [], audit, outbox, timers));

            Assert.Equal((mix & 1) != 0, (await store.ReadAuditAsync(key)).Any(e => e.CommandId == new CommandId(id)));
            Assert.Equal((mix & 2) != 0, (await store.ReadOutboxAsync()).Any(m => m.Message.IdempotencyKey == id + "/0"));
            var timerIds = (await store.ReadTimersAsync()).Select(t => t.TimerId).ToArray();
            Assert.Equal((mix & 4) != 0, timerIds.Contains(id + "-new"));
            Assert.Equal((mix & 8) == 0, timerIds.Contains(id + "-old"));
        }
    }

    [Fact]
    public async Task Migrate_FromVersion1WithData_KeepsStatesAndMessages_AndSavesOnThem()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        var serializer = PostgreSqlStores.Serializer;
        var key = Key("a");

        // What a store of schema version 1 left behind: jsonb state written by write_aggregate, a jsonb outbox message.
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await ExecuteAsync(dataSource, new PostgreSqlStatements(PostgreSqlStoreOptions.DefaultSchemaName).CreateSchema);
            await ExecuteAsync(dataSource, PostgreSqlMigrations.For(PostgreSqlStoreOptions.DefaultSchemaName)[0]);
            await ExecuteAsync(dataSource, "INSERT INTO ecomrules.schema_version (version) VALUES (1)");
            await ExecuteAsync(dataSource, "SELECT ecomrules.write_aggregate($1, $2, 0, $3::jsonb)", key.Kind, key.Id, serializer.SerializeAggregate(new ContractState("before", 1)));
            await ExecuteAsync(dataSource, "INSERT INTO ecomrules.outbox (idempotency_key, event, created_at, available_at) VALUES ('c0/0', $1::jsonb, now(), now())",
                serializer.SerializeEvent(new ContractEvent(key, Start, "n0")));
        }

        await using var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, Serializer = serializer });
        Assert.Equal(PostgreSqlEcomStore.LatestSchemaVersion - 1, await store.MigrateAsync());

        var loaded = await store.LoadAsync(key);
        Assert.Equal(new StoredAggregate(key, 1, new ContractState("before", 1)), loaded);
        var message = Assert.Single(await store.ClaimOutboxAsync("host", 10, Start + Duration.FromDays(36500), Duration.FromMinutes(1)));
        Assert.Equal(new ContractEvent(key, Start, "n0"), message.Message.Event);

        await store.SaveAsync(new ChangeSet(Record("c1"), [new AggregateWrite(key, 1, new ContractState("after", 2))], [], [], []));
        Assert.Equal(new StoredAggregate(key, 2, new ContractState("after", 2)), await store.LoadAsync(key));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.SaveAsync(new ChangeSet(Record("c2"), [new AggregateWrite(key, 1, new ContractState("stale", 3))], [], [], [])).AsTask());
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
    }

    private static TimerRequest Cancel(string id) => new(id, Key("a"), "sla-breach", null);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
