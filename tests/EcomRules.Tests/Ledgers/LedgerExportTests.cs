using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Ledgers;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Ledgers;

public sealed class LedgerExportTests
{
    private static readonly LocalDate Tuesday = new(2026, 3, 3);

    private static (LedgerFixture Fixture, Order Order, DailyLedger Ledger) ClosedDay()
    {
        var f = new LedgerFixture();
        var order = f.PlaceAndPay("E-1", ReturnFixture.At(2026, 3, 3, 10));
        var closed = f.Close(Tuesday, ReturnFixture.At(2026, 3, 4, 9));
        return (f, order, closed.StateAs<SalesDay>().Ledger());
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    [Trait("Rule", "FIN-1")]
    public async Task SEC1_the_exported_ledger_masks_the_buyer_in_CSV_and_JSON()
    {
        var (_, order, ledger) = ClosedDay();
        var sink = new MemorySink();
        var (csv, json) = await sink.ExportAsync(LedgerReports.DailyLedger(ledger));

        Assert.Equal(("mem:sales-ledger-2026-03-03.csv", "mem:sales-ledger-2026-03-03.json"), (csv, json));
        var name = order.Buyer.Name;
        Assert.True(name.Length > 1);
        foreach (var text in sink.Written.Values)
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            Assert.Contains(name[0] + new string('*', name.Length - 1), text, StringComparison.Ordinal);
        }

        var lines = sink.Written[csv].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("order,buyer,order_total,paid,refunded,cancelled,status,problem", lines[0]);
        Assert.StartsWith("E-1,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{order.Total.Yuan:0.00},", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("TOTAL,", lines[^1], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(sink.Written[json]);
        var row = doc.RootElement.GetProperty("rows")[0];
        Assert.Equal("E-1", row.GetProperty("order").GetString());
        Assert.Equal("ok", row.GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_the_settlement_exports_the_three_agreed_totals()
    {
        var settlement = new MonthlySettlement(new MonthlySettlementId(new YearMonth(2026, 10)), new LocalDate(2026, 10, 24), new Money(99.5m), Instant.FromUtc(2026, 10, 24, 8, 0), "hq-fin-1");
        var report = LedgerReports.Settlement(settlement);
        Assert.Equal("settlement-2026-10", report.Name);
        Assert.Equal(["sales", "division-finance", "headquarters-finance"], report.Rows.Select(r => r[0]));
        Assert.All(report.Rows, r => Assert.Equal("99.50", r[1]));
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_csv_cells_are_quoted_and_formulas_kept_as_text()
    {
        var report = new TabularReport("r", "t", ["a", "b"], [["x,y", "say \"hi\""], ["=cmd()", "+1"], [null, "line\nbreak"]]);
        Assert.Equal("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=cmd(),'+1\r\n,\"line\nbreak\"\r\n", report.Render(ReportFormat.Csv));
        using var doc = JsonDocument.Parse(report.Render(ReportFormat.Json));
        Assert.Equal("=cmd()", doc.RootElement.GetProperty("rows")[1].GetProperty("a").GetString());
    }

    [Fact]
    public void A_malformed_report_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TabularReport("../etc", "t", ["a"], []));
        Assert.Throws<ArgumentException>(() => new TabularReport("r", "t", ["a", "a"], []));
        Assert.Throws<ArgumentException>(() => new TabularReport("r", "t", ["a", "b"], [["only one"]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TabularReport("r", "t", ["a"], []).Render((ReportFormat)9));
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_ledgers_and_settlements_survive_the_store_codecs()
    {
        var (f, _, _) = ClosedDay();
        var day = f.Day(Tuesday)!;
        var json = EcomSerializer.Default.SerializeAggregate(day);
        var read = Assert.IsType<SalesDay>(EcomSerializer.Default.DeserializeAggregate(json));
        Assert.Equal(day.Entries.ToArray(), read.Entries.ToArray());
        Assert.Equal((day.ClosedAt, day.EntriesAtClose), (read.ClosedAt, read.EntriesAtClose));
        var settlement = new MonthlySettlement(new MonthlySettlementId(new YearMonth(2026, 3)), new LocalDate(2026, 3, 25), new Money(1m), Instant.FromUtc(2026, 3, 25, 8, 0), "x");
        Assert.Equal(settlement, EcomSerializer.Default.DeserializeAggregate(EcomSerializer.Default.SerializeAggregate(settlement)));
    }

    private sealed class MemorySink : IReportSink
    {
        public Dictionary<string, string> Written { get; } = [];

        public ValueTask<string> WriteAsync(string name, ReportFormat format, string content, CancellationToken cancellationToken = default)
        {
            var location = "mem:" + name + (format == ReportFormat.Csv ? ".csv" : ".json");
            Written[location] = content;
            return ValueTask.FromResult(location);
        }
    }
}
