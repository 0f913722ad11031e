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

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task ListTimers_ALaterPage_ReadsNoMoreThanTheFirst()
    {
        // The recomputation of provisional deadlines pages through every timer: a page after the 2,900th must start
        // there in timers_due, or listing n timers reads about n² / (2 × page size) index entries.
        await _database.SeedSlaBreachesAsync(3000, Start);
        var last = new DueTimer("order/o-02899/SLA-1", new AggregateKey("order", "o-02899"), "sla-breach", Start + Duration.FromSeconds(2899));

        var (firstSteps, firstRows) = _database.Run(SqliteEcomStore.ListTimersStatement(Start, 10, after: null));
        var (laterSteps, laterRows) = _database.Run(SqliteEcomStore.ListTimersStatement(Start, 10, last));

        Assert.Equal(10, firstRows);
        Assert.Equal(10, laterRows);
        Assert.InRange(laterSteps, 1, 2 * firstSteps);
        await using var store = _database.Open();
        Assert.Equal("order/o-02900/SLA-1", (await store.ListTimersAsync(Start, 10, last))[0].TimerId);
    }
}
