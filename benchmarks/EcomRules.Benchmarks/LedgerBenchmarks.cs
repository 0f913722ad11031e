using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Ledgers;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Benchmarks;

/// <summary>
/// The daily sales ledger (FIN-1) of a day with 10,000 orders: every order paid, every 10th partly refunded, every 20th
/// cancelled. <see cref="BuildLedger"/> is the pure check (one line per order, payment status checked);
/// <see cref="CloseThroughEngine"/> is the durable timer's command through <see cref="EcomEngine"/> on the in-memory
/// store (a fresh store per call, seeded with the day); <see cref="ExportCsvAndJson"/> renders the exported report
/// (SEC-1 masking included); <see cref="StoreCodecRoundTrip"/> is what a SQLite or PostgreSQL store pays to write and
/// read the day once.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Orders = 10_000;
    private static readonly LocalDate Day = new(2026, 3, 3);
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant CloseAt = new LocalDateTime(2026, 3, 4, 9, 0).InZoneStrictly(Zone).ToInstant();

    private ImmutableArray<SalesEntry> _entries;
    private SalesDay _day = null!;
    private DailyLedger _ledger = null!;
    private int _id;

    [GlobalSetup]
    public void Setup()
    {
        var builder = ImmutableArray.CreateBuilder<SalesEntry>();
        var start = new LocalDateTime(2026, 3, 3, 8, 0).InZoneStrictly(Zone).ToInstant();
        for (var i = 0; i < Orders; i++)
        {
            var order = new OrderId("B-" + i.ToString(CultureInfo.InvariantCulture));
            var total = Money.FromFen(10_000 + (i % 977 * 100));
            var at = start + Duration.FromSeconds(i * 5);
            builder.Add(new SalesEntry("m/" + i.ToString(CultureInfo.InvariantCulture), order, SalesEntryKind.Payment, total, at, "张*", total, total, Money.Zero));
            if (i % 10 == 0)
            {
                builder.Add(new SalesEntry("r/" + i.ToString(CultureInfo.InvariantCulture), order, SalesEntryKind.Refund, new Money(50m), at, "张*", total, total, new Money(50m)));
            }
            else if (i % 20 == 5)
            {
                builder.Add(new SalesEntry("c/" + i.ToString(CultureInfo.InvariantCulture), order, SalesEntryKind.Cancellation, total, at, "张*", total, total, Money.Zero));
            }
        }

        _entries = builder.ToImmutable();
        _day = SalesDay.Rehydrate(new SalesDayId(Day), _entries, null, 0);
        _ledger = DailyLedger.Build(Day, _entries);
        if (_ledger.Lines.Length != Orders || _ledger.IsFlagged)
        {
            throw new InvalidOperationException($"The benchmark's day is wrong: {_ledger}.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(4200 * 1024)] // 3.76 MB today
    public int BuildLedger() => DailyLedger.Build(Day, _entries).Lines.Length;

    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(4200 * 1024)] // 3.76 MB today
    public async Task<long> CloseThroughEngine()
    {
        var store = new InMemoryEcomStore();
        var key = new SalesDayId(Day).Key;
        await store.SaveAsync(new ChangeSet(new IdempotencyRecord(Next(), "seed", key, DecisionStatus.Accepted, RefusalCode.None, default, "seed", 1),
            [new AggregateWrite(key, 0, _day)], [], [], []));
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var decision = await engine.ExecuteAsync(new CloseDailyLedger(Next(), Actor.System, CloseAt, Day));
        return decision.IsAccepted ? decision.Version : throw new InvalidOperationException(decision.Reason);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(20 * 1024 * 1024)] // 17.95 MB today
    public int ExportCsvAndJson()
    {
        var report = LedgerReports.DailyLedger(_ledger);
        return report.Render(ReportFormat.Csv).Length + report.Render(ReportFormat.Json).Length;
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(25 * 1024 * 1024)] // 22.83 MB today
    public int StoreCodecRoundTrip()
    {
        var json = EcomSerializer.Default.SerializeAggregate(_day);
        return ((SalesDay)EcomSerializer.Default.DeserializeAggregate(json)).Entries.Length + json.Length;
    }

    private CommandId Next() => new("ledger-" + (++_id).ToString(CultureInfo.InvariantCulture));
}
