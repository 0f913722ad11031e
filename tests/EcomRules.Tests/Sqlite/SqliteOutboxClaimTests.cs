using System.Globalization;
using EcomRules.Commands;
using EcomRules.Sqlite;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteOutboxClaimTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 4, 1, 0);
    private static readonly AggregateKey Source = new("contract", "a");
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Claim_AMessageThisReleaseCannotRead_IsDeadLettered_AndTheOnesBehindItAreDelivered()
    {
        await using var store = _database.Open();
        await store.SaveAsync(new ChangeSet(
            new IdempotencyRecord(new CommandId("c1"), "fp", Source, DecisionStatus.Accepted, RefusalCode.None, default, "test", 0), [], [],
            [new OutboxMessage("m1", new ContractEvent(Source, Start, "n"), Start), new OutboxMessage("m2", new ContractEvent(Source, Start, "n"), Start)], []));

        // An event type another release wrote: valid JSON, no type this serializer knows. It leads every claim.
        _database.Execute("UPDATE outbox SET event_json = '{\"$type\":\"gone-event\",\"$v\":1}' WHERE key = 'm1'");
        var f = new Processing.ProcessingFixture(store);

        Assert.Equal(1, await f.Dispatcher.RunOnceAsync("w", Start + Duration.FromMinutes(1)));

        Assert.Equal(1, f.Dispatcher.Delivered);
        Assert.Equal(new EcomRules.Ports.OutboxStatistics(0, 1, null), await store.GetOutboxStatisticsAsync());
        Assert.Empty(await store.ReadDeadLettersAsync(10)); // left out of the list: it cannot be read here either
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM outbox WHERE key = 'm1' AND dead_letter = 1 AND attempts = 1 AND lease_owner IS NULL"
            + " AND instr(last_error, 'cannot read the stored event') > 0"));
        Assert.Equal(0, await f.Dispatcher.RunOnceAsync("w", Start + Duration.FromHours(1)));
    }

    [Fact]
    public async Task Claim_BehindDeliveredMessages_ReadsNoMoreThanWithoutThem()
    {
        // Delivered messages stay until their purge: a claim must not read past them (schema version 4).
        await using (var store = _database.Open())
        {
            for (var batch = 0; batch < 30; batch++)
            {
                var id = "seed-" + batch.ToString(CultureInfo.InvariantCulture);
                await store.SaveAsync(new ChangeSet(
                    new IdempotencyRecord(new CommandId(id), "fp", Source, DecisionStatus.Accepted, RefusalCode.None, default, "test", 0), [], [],
                    [.. Enumerable.Range(0, 100).Select(i => new OutboxMessage(id + "/" + i.ToString(CultureInfo.InvariantCulture), new ContractEvent(Source, Start, "n"), Start))],
                    []));
            }
        }

        var now = Start + Duration.FromHours(1);
        (string, object)[] claim = [("$owner", "worker-1"), ("$until", (now + Duration.FromMinutes(1)).ToUnixTimeTicks()), ("$now", now.ToUnixTimeTicks()), ("$max", 50)];
        var (freshSteps, freshRows) = _database.Run((SqliteEcomStore.ClaimOutboxSql, claim));
        _database.Execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL, delivered_at = CASE WHEN seq <= 2900 THEN 1 END");
        var (behindSteps, behindRows) = _database.Run((SqliteEcomStore.ClaimOutboxSql, claim));

        Assert.Equal(50, freshRows);
        Assert.Equal(50, behindRows);
        Assert.InRange(behindSteps, 1, 2 * freshSteps);
        Assert.Equal(2901, _database.Scalar("SELECT min(seq) FROM outbox WHERE lease_owner = 'worker-1'"));
    }
}
