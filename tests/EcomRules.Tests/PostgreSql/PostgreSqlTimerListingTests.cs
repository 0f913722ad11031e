using System.Globalization;
using System.Text.RegularExpressions;
using EcomRules.Commands;
using EcomRules.PostgreSql;
using EcomRules.Ports;
using NodaTime;
using Npgsql;
using static EcomRules.Tests.PostgreSql.PostgreSqlTestData;

namespace EcomRules.Tests.PostgreSql;

[Collection(PostgreSqlCollection.Name)]
public sealed partial class PostgreSqlTimerListingTests(PostgreSqlFixture fixture)
{
    [Theory]
    [Trait("Rule", "SLA-8")]
    [InlineData(0, 2899)]
    [InlineData(2000, 1899)]
    public async Task ListTimers_ALaterPage_StartsWhereTheLastEnded(int tied, int last)
    {
        // The recomputation of provisional deadlines pages through every timer: the page after timer `last` must start
        // there in timers_due, also among timers due at one instant, not read the ones before it and drop them in a
        // filter or a sort (migration 5).
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = await PostgreSqlStores.OpenAsync(connectionString);
        Instant Due(int i) => i < tied ? Start : Start + Duration.FromMinutes(i);
        for (var batch = 0; batch < 30; batch++)
        {
            var timers = Enumerable.Range(batch * 100, 100).Select(i => new TimerRequest(Id(i), Key("a"), "sla-breach", Due(i))).ToArray();
            await store.SaveAsync(TimersOnly("seed-" + batch.ToString(CultureInfo.InvariantCulture), timers));
        }

        var after = new DueTimer(Id(last), Key("a"), "sla-breach", Due(last));
        var (sql, parameters) = PostgreSqlEcomStore.ListTimersStatement("\"ecomrules\"", Start, 10, after);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var explain = dataSource.CreateCommand("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql);
        explain.Parameters.AddRange(parameters);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        // At most the previous page's last timer itself is read and dropped; nothing is sorted.
        var removed = plan.Select(static line => RemovedByFilter().Match(line)).Where(static m => m.Success).Sum(static m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.InRange(removed, 0, 1);
        Assert.DoesNotContain(plan, static line => line.Contains("Sort", StringComparison.Ordinal));
        Assert.Equal(Id(last + 1), (await store.ListTimersAsync(Start, 10, after))[0].TimerId);
    }

    private static string Id(int i) => "t" + i.ToString("D5", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Rows Removed by Filter: (\d+)")]
    private static partial Regex RemovedByFilter();
}
