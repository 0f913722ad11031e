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
    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task ListTimers_ALaterPage_StartsWhereTheLastEnded()
    {
        // The recomputation of provisional deadlines pages through every timer: a page after the 2,900th must start
        // there in timers_due, not read the 2,900 before it and drop them in a filter.
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = await PostgreSqlStores.OpenAsync(connectionString);
        for (var batch = 0; batch < 30; batch++)
        {
            var timers = Enumerable.Range(batch * 100, 100).Select(i => Timer("t" + i.ToString("D5", CultureInfo.InvariantCulture), i)).ToArray();
            await store.SaveAsync(TimersOnly("seed-" + batch.ToString(CultureInfo.InvariantCulture), timers));
        }

        var last = new DueTimer("t02899", Key("a"), "sla-breach", Start + Duration.FromMinutes(2899));
        var (sql, parameters) = PostgreSqlEcomStore.ListTimersStatement("\"ecomrules\"", Start, 10, last);
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

        // At most the previous page's last timer itself is read and dropped.
        var removed = plan.Select(static line => RemovedByFilter().Match(line)).Where(static m => m.Success).Sum(static m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.InRange(removed, 0, 1);
        Assert.Equal("t02900", (await store.ListTimersAsync(Start, 10, last))[0].TimerId);
    }

    [GeneratedRegex(@"Rows Removed by Filter: (\d+)")]
    private static partial Regex RemovedByFilter();
}
