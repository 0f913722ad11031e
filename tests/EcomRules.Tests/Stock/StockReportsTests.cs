using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Tests.Stock;

public sealed class StockReportsTests
{
    private static readonly AggregateKey Item = StockFixture.Main.Key;

    private static StockMoved Move(int month, int day, StockMovementKind kind, int change)
        => new(Item, StockFixture.At(new LocalDate(2026, month, day)), kind, change, 0, 0, 0, "ref");

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_the_monthly_summary_is_opening_plus_in_minus_out()
    {
        StockMoved[] moves =
        [
            Move(2, 20, StockMovementKind.Receipt, 50), Move(2, 25, StockMovementKind.Consumption, -10), // opening 40
            Move(3, 2, StockMovementKind.Receipt, 30), Move(3, 5, StockMovementKind.Consumption, -12), Move(3, 7, StockMovementKind.StocktakeAdjustment, -3),
            Move(3, 9, StockMovementKind.Return, 1), Move(3, 9, StockMovementKind.Reservation, 0),
            Move(4, 1, StockMovementKind.Receipt, 99), // after the month
        ];
        var summary = Assert.Single(StockReports.MonthlySummary(moves, new YearMonth(2026, 3), StockFixture.Zone));
        Assert.Equal((40L, 31L, 15L, 56L), (summary.Opening, summary.In, summary.Out, summary.Closing));
    }

    [Fact]
    [Trait("Rule", "WH-7")]
    public void WH7_items_are_classed_fast_regular_or_slow_by_average_weekly_sales()
    {
        var velocity = new StockVelocityPolicy(2, 10m, 2m);
        var asOf = new LocalDate(2026, 3, 18); // week of 16 March; the two weeks before: 2-15 March
        StockVelocityClass Class(params int[] sold)
            => StockReports.Classify(sold.Select((q, i) => Move(3, 3 + i, StockMovementKind.Consumption, -q)), asOf, StockFixture.Zone, velocity);

        Assert.Equal(StockVelocityClass.Fast, Class(12, 8));
        Assert.Equal(StockVelocityClass.Regular, Class(5, 5));
        Assert.Equal(StockVelocityClass.Slow, Class(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StockVelocityPolicy(4, 2m, 2m));
    }

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_the_monthly_summary_exports_as_csv_and_json_with_each_items_velocity_class()
    {
        var march = new YearMonth(2026, 3);
        StockMoved[] moves = [Move(3, 2, StockMovementKind.Receipt, 30), Move(3, 5, StockMovementKind.Consumption, -12)];
        var summaries = StockReports.MonthlySummary(moves, march, StockFixture.Zone);
        var report = StockReports.MonthlyReport(march, summaries, new Dictionary<AggregateKey, StockVelocityClass> { [Item] = StockVelocityClass.Fast });

        Assert.Equal("stock-summary-2026-03", report.Name);
        var csv = report.Render(EcomRules.Ports.ReportFormat.Csv);
        Assert.Contains("item,opening,in,out,closing,velocity", csv, StringComparison.Ordinal);
        Assert.Contains($"{Item.Id},0,30,12,18,Fast", csv, StringComparison.Ordinal);
        Assert.Contains("\"closing\": \"18\"", report.Render(EcomRules.Ports.ReportFormat.Json).Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
