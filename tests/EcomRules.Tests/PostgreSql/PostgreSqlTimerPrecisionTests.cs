using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Testing;
using EcomRules.Tests.Access;
using NodaTime;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

/// <summary>
/// PostgreSQL's timestamptz holds microseconds, a .NET instant 100-ns ticks: a timer due at an instant with ticks is
/// stored rounded up, so it never fires before its instant and the command it fires finds its deadline passed.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTimerPrecisionTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "SEC-4")]
    public async Task ATimerDueAtAnInstantWithTicks_FiresItsCommandAsTheInMemoryStoreDoes()
    {
        // A credential rotation due at an instant with ticks (as a system clock gives): the timer fires and the rotation
        // is recorded overdue. It fired a microsecond early, found the rotation not yet due, and was deleted.
        var memory = new InMemoryEcomStore();
        await using var postgres = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        foreach (var (store, timers) in new (IEcomStore, ITimerStore)[] { (memory, memory), (postgres, postgres) })
        {
            var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
            var at = AccessFixture.Now + Duration.FromTicks(1);
            Assert.True((await engine.ExecuteAsync(new AddAdministrator(new("add"), AccessFixture.Head, at, AdminRosterId.Platform, "adm-1"))).IsAccepted);
            Assert.True((await engine.ExecuteAsync(new RemoveAdministrator(new("remove"), AccessFixture.Head, at, AdminRosterId.Platform, "adm-1", "left"))).IsAccepted);

            Assert.Equal(1, await new TimerScheduler(timers, engine).RunOnceAsync("host", at + Duration.FromDays(3)));

            Assert.True(Assert.Single((await engine.GetAsync(AdminRosterId.Platform))!.Aggregate.Rotations).Breached, store.GetType().Name);
        }
    }

    [Fact]
    public async Task ATimerIsStoredRoundedUpToTheMicrosecond_AndListedFromAnInstantWithTicksAsInMemory()
    {
        var memory = new InMemoryEcomStore();
        await using var postgres = await PostgreSqlStores.OpenAsync(await fixture.CreateDatabaseAsync());
        var due = Start + Duration.FromTicks(3);
        foreach (IEcomStore store in new IEcomStore[] { memory, postgres })
        {
            await store.SaveAsync(TimersOnly("c1", new TimerRequest("t", Key("a"), "sla-breach", due)));
        }

        var stored = Assert.Single(await postgres.ListTimersAsync(Start, 10));
        Assert.Equal(Start + Duration.FromTicks(10), stored.DueAt); // never before the instant asked for
        Assert.Empty(await postgres.ClaimDueTimersAsync("a", 10, due, Duration.FromMinutes(1)));
        Assert.Single(await postgres.ClaimDueTimersAsync("a", 10, stored.DueAt, Duration.FromMinutes(1)));

        // Listing from a bound with ticks: the same timers as the in-memory store, before the instant and after it (a bound
        // between the instant asked for and its microsecond lists the stored one).
        foreach (var from in new[] { due, stored.DueAt + Duration.FromTicks(1) })
        {
            Assert.Equal((await memory.ListTimersAsync(from, 10)).Count, (await postgres.ListTimersAsync(from, 10)).Count);
        }
    }
}
