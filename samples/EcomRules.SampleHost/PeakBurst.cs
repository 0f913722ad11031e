using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Shipping;
using EcomRules.Sla;
using EcomRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// <c>--peak [--orders 50000] [--db FILE]</c>: a 双十一 burst (issue 19). At midnight on 11 November, 64 buyers at
/// once place and pay <c>--orders</c> orders (default 50,000; each buyer places its next order as soon as the last one
/// is paid) within ten simulated minutes, against the embedded SQLite store (group commit on, its defaults) in a host
/// whose outbox dispatcher and timer scheduler run alongside. Prints the commands per second, each command's p50 and
/// p99 latency, the dispatch deadlines the burst produced (DSP-2/3), and its SLA timers (SLA-1..3): all started at
/// payment in the night, outside working hours, so their breaches fall due together once the working day begins —
/// the figure a merchant staffs the morning of 11 November by. A fresh temporary database unless <c>--db</c> is given.
/// </summary>
internal static class PeakBurst
{
    private const int Buyers = 64;
    private static readonly Duration Window = Duration.FromMinutes(10);
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-1111", 1, new Money(111.11m))];

    public static async Task<int> RunAsync(string[] args)
    {
        var orders = Argument(args, "--orders") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 50_000;
        if (orders is < 1 or > 1_000_000)
        {
            Console.Error.WriteLine("--peak: --orders must be between 1 and 1000000.");
            return 2;
        }

        var temporary = Argument(args, "--db") is null;
        var database = Argument(args, "--db") ?? Path.Combine(Path.GetTempPath(), "ecomrules-peak-" + Guid.NewGuid().ToString("N") + ".db");
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var midnight = new LocalDateTime(2026, 11, 11, 0, 0).InZoneStrictly(zone).ToInstant();
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Buyers + 8), io);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<IClock>(new SimulatedClock(midnight));
        builder.Services.AddEcomRules(_ => { }).UseSqlite(database);
        builder.Services.AddSingleton<IInvoiceIssuer>(new FakeInvoiceIssuer { Log = TextWriter.Null });
        builder.Services.AddSingleton<ICarrierGateway>(new FakeCarrierGateway(new CarrierId("sf")) { Log = TextWriter.Null });
        builder.Services.AddSingleton<INotifier>(new FakeNotifier { Log = TextWriter.Null });
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var engine = host.Services.GetRequiredService<EcomEngine>();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"双十一 burst: {orders} orders placed and paid by {Buyers} concurrent buyers in {Window.TotalMinutes:0} simulated minutes from 2026-11-11 00:00 ({zone.Id}), profile {engine.Policy.Name}; database {database}"));
        var latencies = new ConcurrentBag<long[]>();
        var paid = new ConcurrentBag<Order>();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Buyers).Select(buyer => Task.Run(async () =>
        {
            var mine = new List<long>();
            var details = SampleBuyers.Private();
            var actor = new Actor("buyer-" + buyer.ToString(CultureInfo.InvariantCulture), ActorRole.Customer);
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                var at = midnight + (Window * i / orders);
                var id = new OrderId("1111-" + i.ToString("D7", CultureInfo.InvariantCulture));
                var placed = await TimedAsync(engine, new PlaceOrder(new CommandId(id.Value + "/place"), actor, at, id, details, Lines), mine).ConfigureAwait(false);
                var payment = await TimedAsync(engine, new PayOrder(new CommandId(id.Value + "/pay"), Actor.System, at + Duration.FromSeconds(30), id, ((Order)placed.State!).Total), mine).ConfigureAwait(false);
                paid.Add((Order)payment.State!);
            }

            latencies.Add([.. mine]);
        }))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await host.StopAsync().ConfigureAwait(false);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput: {all.Length} commands in {elapsed.TotalSeconds:0.0} s = {all.Length / elapsed.TotalSeconds:0} commands/s ({orders / elapsed.TotalSeconds:0} orders/s); latency p50 {Ms(all, 0.50):0.0} ms, p99 {Ms(all, 0.99):0.0} ms, max {Ms(all, 1.0):0.0} ms"));
        Report(paid.ToArray(), engine.Policy, zone, midnight);
        if (temporary)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }

        return 0;
    }

    private static void Report(Order[] paid, Policies.EcomPolicy policy, DateTimeZone zone, Instant midnight)
    {
        Console.WriteLine();
        Console.WriteLine("Dispatch deadlines of the burst (DSP-2/3)");
        foreach (var group in paid.Where(o => o.DispatchDeadline is not null).GroupBy(o => o.DispatchDeadline!.Value.InZone(zone).Date).OrderBy(g => g.Key))
        {
            var times = group.Select(o => o.DispatchDeadline!.Value.InZone(zone).TimeOfDay).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key:yyyy-MM-dd} {times[0]:HH:mm} … {times[^1]:HH:mm}  {group.Count(),8} orders must be handed to a carrier"));
        }

        Console.WriteLine();
        Console.WriteLine("SLA timers started by the burst, if nobody acts (SLA-1..3; working time per the calendar)");
        Console.WriteLine("  SLA      timers  breach falls due (first … last)           breached by 09:00  by 12:00  by 18:00");
        var checkpoints = new[] { 9, 12, 18 }.Select(h => midnight.InZone(zone).Date.At(new LocalTime(h, 0)).InZoneStrictly(zone).ToInstant()).ToArray();
        foreach (var group in paid.SelectMany(o => o.Slas).GroupBy(t => t.Definition.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var due = group.Select(t => t.OriginalBreachAt(policy.Calendar)).Order().ToArray();
            var breached = checkpoints.Select(c => group.Count(t => t.Evaluate(c, policy.Calendar).State == SlaState.Breached)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-7} {group.Count(),7}  {due[0].InZone(zone).LocalDateTime:MM-dd HH:mm} … {due[^1].InZone(zone).LocalDateTime:MM-dd HH:mm}                  {breached[0],8}  {breached[1],8}  {breached[2],8}"));
        }

        Console.WriteLine("  Every order of the night starts its clock at the first working minute: the whole burst falls due at once, so the");
        Console.WriteLine("  morning shift has the SLA's working minutes to confirm and note all of it.");
    }

    private static async Task<Decision> TimedAsync(EcomEngine engine, EcomCommand command, List<long> latencies)
    {
        var start = Stopwatch.GetTimestamp();
        var decision = await engine.ExecuteAsync(command).ConfigureAwait(false);
        latencies.Add(Stopwatch.GetTimestamp() - start);
        return decision.IsAccepted ? decision : throw new InvalidOperationException("A burst command was refused: " + decision);
    }

    private static double Ms(long[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;

    private static string? Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
