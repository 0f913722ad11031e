using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.SampleHost;
using EcomRules.Shipping;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The reference host: EcomRules on its embedded default (SQLite) in a generic host, with fake invoice, carrier and
// SMS adapters that say what a real one would be asked to do. A simulated clock runs the trading period in seconds.
//
//   dotnet run --project samples/EcomRules.SampleHost -- [--days 14] [--orders 60] [--profile retail-platform]
//                                                        [--seed 20260302] [--db ecomrules-sample.db] [--verbose] [--verify] [--telemetry]
//                                                        [--start 2026-12-20] [--uncovered provisional|refuse]
//   dotnet run --project samples/EcomRules.SampleHost -- --peak [--orders 50000] [--db FILE]   (a 双十一 burst: PeakBurst.cs)
if (Array.IndexOf(args, "--peak") >= 0)
{
    return await PeakBurst.RunAsync(args).ConfigureAwait(false);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(WithFlagValues(args), new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--days"] = "Sample:Days",
    ["--orders"] = "Sample:OrdersPerDay",
    ["--seed"] = "Sample:Seed",
    ["--start"] = "Sample:StartDate",
    ["--db"] = "Sample:Database",
    ["--verbose"] = "Sample:Verbose",
    ["--verify"] = "Sample:Verify",
    ["--telemetry"] = "Sample:Telemetry",
    ["--profile"] = "EcomRules:Profile",
    ["--uncovered"] = "EcomRules:Calendar:UncoveredYears",
});

SampleOptions options;
try
{
    options = builder.Configuration.GetSection(SampleOptions.SectionName).Get<SampleOptions>() ?? new SampleOptions();
}
catch (InvalidOperationException e)
{
    // A value the binder cannot convert (--seed abc): say which, and how to call the sample; no stack trace.
    return Usage(e.Message); // "Failed to convert configuration value 'abc' at 'Sample:Seed' to type 'System.Int32'."
}

if (options.Problems() is { Count: > 0 } problems)
{
    return Usage([.. problems]);
}

var database = Path.GetFullPath(options.Database, Environment.CurrentDirectory);
var output = Console.Out;
var portLog = options.Verbose ? output : TextWriter.Null;

var clock = new SimulatedClock(Instant.FromUtc(2026, 1, 1, 0, 0));
builder.Services.AddSingleton<IClock>(clock); // the simulated clock stands in for SystemClock.Instance
builder.Services.AddEcomRules(builder.Configuration.GetSection(EcomRulesOptions.SectionName)).UseSqlite(database);
var invoices = new FakeInvoiceIssuer { Log = portLog, CreditNotesArePending = true };
var carriers = new[] { new FakeCarrierGateway(new CarrierId("sf")) { Log = portLog }, new FakeCarrierGateway(new CarrierId("ems")) { Log = portLog } };
var notifier = new FakeNotifier { Log = portLog };
builder.Services.AddSingleton<IInvoiceIssuer>(invoices);
foreach (var carrier in carriers)
{
    builder.Services.AddSingleton<ICarrierGateway>(carrier);
}

builder.Services.AddSingleton<INotifier>(notifier);
if (options.Telemetry)
{
    // What a host adds to see EcomRules' spans and metrics (README, "Telemetry").
    builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddSource(EcomRulesTelemetry.Name).AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter(EcomRulesTelemetry.Name).AddConsoleExporter());
}

using var host = builder.Build();
try
{
    // Validated here, before the host starts (and logs the failure with its stack trace).
    _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EcomRulesOptions>>().Value;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    return Usage([.. e.Failures]); // --profile unknown and other EcomRules settings
}

await host.StartAsync().ConfigureAwait(false);

var engine = host.Services.GetRequiredService<EcomEngine>();
var store = (SqliteEcomStore)host.Services.GetRequiredService<IEcomStore>();
var orderIds = OrderIds(options);

int exitCode;
if (options.Verify)
{
    var violations = await DatabaseVerifier.VerifyAsync(store, orderIds, CancellationToken.None).ConfigureAwait(false);
    foreach (var violation in violations)
    {
        output.WriteLine("VIOLATION " + violation);
    }

    output.WriteLine(violations.Count == 0
        ? $"{database}: every invariant holds for {orderIds.Count} orders (ORD-1, ORD-7, REF-1, REF-3, SEC-3, integrity)."
        : $"{database}: {violations.Count} violation(s).");
    exitCode = violations.Count == 0 ? 0 : 1;
}
else
{
    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"EcomRules sample: {options.Days} days from {options.StartDate}, {options.OrdersPerDay} orders a day, profile {engine.Policy.Name}, seed {options.Seed}"));
    output.WriteLine($"Database: {database}");
    var holidays = engine.Policy.Calendar.Holidays;
    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Calendar: public holidays {holidays.FirstYear}–{holidays.LastYear} (last: {holidays.GetYear(holidays.LastYear).Citation}); a later year is {(engine.Policy.UncoveredYears == EcomRules.Calendars.UncoveredYears.Refuse ? "refused (DSP-1)" : "provisional: ordinary Mon–Sat weeks until its data is added (DSP-1)")}"));
    output.WriteLine("After the trading days no new orders arrive, but the run goes on until every return window has closed, so that every order can complete (ORD-1).");
    if (carriers[0].Behaviour == FakeCarrierBehaviour.Book)
    {
        carriers[0].FailNext(3); // the preferred carrier has an outage at the start: the backup takes over (CAR-2)
    }

    var report = new SimulationReport(engine.Policy.Zone);
    var reports = new FileReportSink(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", Path.GetFileNameWithoutExtension(database) + "-reports"));
    var ledgers = new LedgerScenario(engine, reports, options.Seed); // FIN-1, FIN-2, SEC-1
    var simulation = new TradingSimulation(engine, store, host.Services.GetRequiredService<OutboxDispatcher>(),
        host.Services.GetRequiredService<TimerScheduler>(), invoices, clock, options, report, output) { Ledgers = ledgers };
    var stock = new StockScenario(engine, notifier, database, output, reports);
    if (engine.Policy.StockTracking)
    {
        stock.Schedule(simulation, TradingSimulation.FirstDay(options), options.Days, options.OrdersPerDay); // issue 17
    }

    var started = DateTimeOffset.UtcNow;
    await simulation.RunAsync(CancellationToken.None).ConfigureAwait(false);
    await ComplaintScenario.RunAsync(engine, host.Services.GetRequiredService<OutboxDispatcher>(), clock.GetCurrentInstant(), orderIds, output, CancellationToken.None).ConfigureAwait(false);
    var outbox = await store.GetOutboxStatisticsAsync().ConfigureAwait(false);
    var scheduler = host.Services.GetRequiredService<TimerScheduler>();
    await report.PrintSummaryAsync(output, engine, clock.GetCurrentInstant(), orderIds, outbox,
        new PortTally(invoices.Issued.Count, invoices.CreditNotes.Count, carriers.Sum(c => c.Bookings.Count), notifier.Sent.Count,
            carriers.Sum(c => c.Bookings.Count(b => b.Request.Order.Kind == EcomRules.Returns.ReturnCaseId.Kind)), notifier.SentToStaff.Count,
            scheduler.Fired, scheduler.Unhandled)).ConfigureAwait(false);
    if (engine.Policy.StockTracking)
    {
        await stock.PrintSummaryAsync(TradingSimulation.FirstDay(options)).ConfigureAwait(false);
    }

    await ledgers.FinishAsync(TradingSimulation.FirstDay(options), report.FinishedAt, output).ConfigureAwait(false);
    await MerchantScenario.RunAsync(engine, scheduler, host.Services.GetRequiredService<OutboxDispatcher>(), TradingSimulation.FirstDay(options), clock.GetCurrentInstant(), output).ConfigureAwait(false);
    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Simulated {options.Days} days in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s. Run again on the same database: nothing is duplicated; --verify checks it."));
    exitCode = 0;
}

await host.StopAsync().ConfigureAwait(false);
return exitCode;

static List<OrderId> OrderIds(SampleOptions options)
{
    var first = TradingSimulation.FirstDay(options);
    var ids = new List<OrderId>(options.Days * options.OrdersPerDay);
    for (var d = 0; d < options.Days; d++)
    {
        for (var i = 0; i < options.OrdersPerDay; i++)
        {
            ids.Add(new OrderId(TradingSimulation.OrderIdFor(options, first.PlusDays(d), i)));
        }
    }

    return ids;
}

static int Usage(params string[] problems)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

// "--verify", "--verbose" and "--telemetry" are flags: give them the value the configuration binder expects.
static string[] WithFlagValues(string[] args)
{
    var result = new List<string>(args.Length + 2);
    for (var i = 0; i < args.Length; i++)
    {
        result.Add(args[i]);
        if (args[i] is "--verify" or "--verbose" or "--telemetry" && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
        {
            result.Add("true");
        }
    }

    return [.. result];
}
