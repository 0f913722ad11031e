using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// <c>--growth</c>: does the cost of an order stay flat as the database grows? Concurrent clients run orders end to
/// end at the front door (place, pay, confirm) into one SQLite file that only grows, and the throughput of every
/// window of orders is printed with the process's CPU time per order (what a busy machine disturbs least), the write
/// connection's pages written and read per order, and the file's size, so the last window can be compared with the
/// first (issue 19's target: 50,000 orders at ≥ 0.8× the first 10,000).
/// <para>
/// <c>dotnet run -c Release --project benchmarks/EcomRules.Benchmarks -- --growth [--orders 50000] [--window 10000]
/// [--clients 8] [--sync normal|full] [--batch N] [--wait-ms N]</c>.
/// </para>
/// </summary>
internal static class GrowthBenchmark
{
    private static readonly Actor Buyer = new("buyer", ActorRole.Customer);
    private static readonly Actor Sales = new("sales-1", ActorRole.Sales);
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-1", 1, new Money(40m))];

    public static async Task<int> RunAsync(string[] args)
    {
        var orders = (int)LoadArguments.Number(args, "--orders", 50_000);
        var window = (int)LoadArguments.Number(args, "--window", 10_000);
        var clients = (int)LoadArguments.Number(args, "--clients", 8);
        var synchronous = LoadArguments.Value(args, "--sync") == "full" ? SqliteSynchronous.Full : SqliteSynchronous.Normal;
        LoadArguments.EnoughThreads(clients);
        var directory = Path.Combine(Path.GetTempPath(), "ecomrules-growth-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "growth.db");
        try
        {
            var options = new SqliteStoreOptions { DataSource = path, Synchronous = synchronous };
            LoadArguments.SqliteOptions(args)(options);
            using var store = await SqliteEcomStore.OpenAsync(options);
            var engine = LoadTargets.Engine(store);
            var clock = new LoadClock();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Growth: {orders} orders (place, pay, confirm) from {clients} clients, synchronous={synchronous}, {Environment.ProcessorCount} cores."));

            // The first orders pay for JIT compilation (tiering goes on for seconds on a busy machine) and cold caches,
            // which would flatter every later window: the clients run untimed orders for 10 s first (at most a tenth
            // of the orders), and the windows count the orders after them.
            var warmup = 0;
            var warming = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                var buyer = SampleBuyers.Private();
                int n;
                while (warming.Elapsed < TimeSpan.FromSeconds(10) && (n = Interlocked.Increment(ref warmup)) <= orders / 10)
                {
                    await OrderAsync(engine, buyer, "w-" + n.ToString(CultureInfo.InvariantCulture), clock);
                }
            })));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up: {Math.Min(warmup, orders / 10)} orders in {warming.Elapsed.TotalSeconds:0.0} s, untimed; the windows count the orders after them."));
            Console.WriteLine("| orders | orders/s in window | ratio to first window | CPU ms per order | ratio (CPU) | pages written / read per order | file MB |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");

            var next = 0;
            double? first = null;
            double? firstCpu = null;
            var process = Process.GetCurrentProcess();
            for (var done = 0; done < orders; done += window)
            {
                var target = Math.Min(orders, done + window);
                var before = store.WorkCounts();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
                {
                    var buyer = SampleBuyers.Private();
                    int n;
                    while ((n = Interlocked.Increment(ref next)) <= target)
                    {
                        await OrderAsync(engine, buyer, "g-" + n.ToString(CultureInfo.InvariantCulture), clock);
                    }

                    Interlocked.Decrement(ref next);
                })));
                next = target;
                var count = target - done;
                var rate = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
                process.Refresh();

                // CPU per order is what other processes on a busy machine disturb least; the write connection's
                // page counters say whether the file's growth costs page reads (a working set past the cache).
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
                var after = store.WorkCounts();
                first ??= rate;
                firstCpu ??= cpu;
                var megabytes = (new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0)) / 1048576.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target} | {rate:0} | {rate / first:0.00}× | {cpu:0.00} | {firstCpu / cpu:0.00}× | {(double)(after.WriterWrites - before.WriterWrites) / count:0.0} / {(double)(after.WriterMisses - before.WriterMisses) / count:0.0} | {megabytes:0.0} |"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task OrderAsync(EcomEngine engine, BuyerDetails buyer, string orderId, LoadClock clock)
    {
        var id = new OrderId(orderId);
        var placed = await engine.ExecuteAsync(new PlaceOrder(new CommandId(id.Value + "/place"), Buyer, clock.Now, id, buyer, Lines));
        Check(placed);
        Check(await engine.ExecuteAsync(new PayOrder(new CommandId(id.Value + "/pay"), Actor.System, clock.Now, id, ((Order)placed.State!).Total)));
        Check(await engine.ExecuteAsync(new ConfirmOrder(new CommandId(id.Value + "/confirm"), Sales, clock.Now, id)));
    }

    private static void Check(Decision decision)
    {
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException("A growth-test command was refused: " + decision);
        }
    }
}
