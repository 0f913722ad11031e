using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Sqlite;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteTimerListingTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 11, 1, 0);
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [Trait("Rule", "SLA-8")]
    [InlineData(0, 2899)]
    [InlineData(2000, 1899)]
    public async Task ListTimers_ALaterPage_ReadsNoMoreThanTheFirst(int tied, int last)
    {
        // The recomputation of provisional deadlines pages through every timer: the page after timer `last` must start
        // there in timers_due, also among timers due at one instant (a working-time SLA gives every order placed
        // overnight the same one), or listing n timers reads about n² / (2 × page size) index entries.
        await _database.SeedSlaBreachesAsync(3000, Start, tied);
        var order = SqliteTestDatabase.BreachOrder(last);
        var after = new DueTimer($"order/{order}/SLA-1", new AggregateKey("order", order), "sla-breach", SqliteTestDatabase.BreachDue(Start, last, tied));

        var (firstSteps, firstRows) = _database.Run(SqliteEcomStore.ListTimersStatement(Start, 10, after: null));
        var (laterSteps, laterRows) = _database.Run(SqliteEcomStore.ListTimersStatement(Start, 10, after));

        Assert.Equal(10, firstRows);
        Assert.Equal(10, laterRows);
        Assert.InRange(laterSteps, 1, 2 * firstSteps);
        await using var store = _database.Open();
        Assert.Equal($"order/{SqliteTestDatabase.BreachOrder(last + 1)}/SLA-1", (await store.ListTimersAsync(Start, 10, after))[0].TimerId);
    }
}
