using System.Diagnostics;
using System.Globalization;
using EcomRules.Testing;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.CrashTest;

/// <summary>
/// The SQLite crash test.
/// <list type="bullet">
/// <item><c>run [--kills 20] [--seed 42] [--orders 60] [--db path]</c>: the parent. Starts a child on a fresh
/// database file, SIGKILLs it (<c>Process.Kill(entireProcessTree: true)</c>) at seeded random moments until it has
/// killed it <c>--kills</c> times, then lets a last child finish, and checks the file: no transition lost, no port
/// effect duplicated, every timer fired once in effect, <c>PRAGMA integrity_check</c> = ok. Exit code 0 when
/// every check holds.</item>
/// <item><c>child DB EPOCH ORDERS</c>: runs the orders end to end (place, pay, confirm, allocate; the outbox
/// dispatcher issues invoices, books carriers and sends SMS through ports that persist their effects; signed; the
/// timer scheduler completes them), resuming from whatever the file holds. Every command ID is deterministic, so a
/// restarted child repeats nothing in effect.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);

    public static async Task<int> Main(string[] args)
    {
        if (args is ["child", var db, var epoch, var orders])
        {
            await ChildAsync(db, int.Parse(epoch, CultureInfo.InvariantCulture), int.Parse(orders, CultureInfo.InvariantCulture));
            return 0;
        }

        if (args is ["run", .. var options])
        {
            return await ParentAsync(Option(options, "--kills", 20), Option(options, "--seed", 42), Option(options, "--orders", 60), OptionText(options, "--db"));
        }

        Console.Error.WriteLine("usage: EcomRules.CrashTest run [--kills N] [--seed N] [--orders N] [--db PATH]");
        return 2;
    }

    private static async Task<int> ParentAsync(int kills, int seed, int orders, string? db)
    {
        var clock = Stopwatch.StartNew();
        var directory = db is null ? Path.Combine(Path.GetTempPath(), "ecomrules-crash-" + Guid.NewGuid().ToString("N")) : null;
        db ??= Path.Combine(directory!, "crash.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        var random = new Random(seed);
        var killed = 0;
        var finished = false;
        try
        {
            for (var epoch = 0; !finished && epoch < kills * 4; epoch++)
            {
                using var child = StartChild(db, epoch, orders);
                if (killed < kills)
                {
                    // Seeded kill points, after the runtime has started (a kill during start-up tests nothing).
                    var delay = random.Next(250, 900);
                    if (!child.WaitForExit(delay))
                    {
                        child.Kill(entireProcessTree: true);
                        await child.WaitForExitAsync();
                        killed++;
                        continue;
                    }
                }
                else if (!child.WaitForExit(TimeSpan.FromSeconds(120)))
                {
                    child.Kill(entireProcessTree: true);
                    Console.Error.WriteLine("The last child did not finish within 120 s.");
                    return 1;
                }

                if (child.ExitCode != 0)
                {
                    Console.Error.WriteLine($"A child exited with code {child.ExitCode}: {await child.StandardError.ReadToEndAsync()}");
                    return 1;
                }

                finished = killed >= kills;
            }

            var failures = await VerifyAsync(db, orders);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"crash test: {killed} SIGKILLs, {orders} orders, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s"));
            foreach (var failure in failures)
            {
                Console.Error.WriteLine("  " + failure);
            }

            return failures.Count == 0 && killed >= kills && finished ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static Process StartChild(string db, int epoch, int orders)
    {
        var info = new ProcessStartInfo { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        var host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = host;
            info.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        else
        {
            info.FileName = host;
        }

        foreach (var arg in new[] { "child", db, epoch.ToString(CultureInfo.InvariantCulture), orders.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task ChildAsync(string db, int epoch, int orders)
    {
        var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = db });
        await using (var connection = new SqliteConnection(store.ConnectionString))
        {
            await connection.OpenAsync();
            using var schema = connection.CreateCommand();
            schema.CommandText = "PRAGMA busy_timeout = 5000;" + PortEffects.Schema;
            await schema.ExecuteNonQueryAsync();
        }

        var ports = new PortEffects(store.ConnectionString);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var dispatcher = new OutboxDispatcher(store, engine, ports, new CarrierRouter([ports.Carrier("sf"), ports.Carrier("zto"), ports.Carrier("ems"), ports.Carrier("yto"), ports.Carrier("sto"), ports.Carrier("jd")]), ports,
            new OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(1), BatchSize = 8 });
        var scheduler = new TimerScheduler(store, engine, new TimerSchedulerOptions { BatchSize = 8 });
        var owner = "child-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        // A virtual clock: each epoch (restart) starts an hour later, so a killed child's leases have expired.
        var tick = 0;
        Instant Dispatching() => T0 + Duration.FromHours(1 + epoch) + Duration.FromSeconds(2 * ++tick);
        Instant Completing() => T0 + Duration.FromDays(90) + Duration.FromHours(epoch) + Duration.FromSeconds(2 * ++tick);

        for (var i = 0; i < orders; i++)
        {
            var id = new OrderId("c" + i.ToString("D3", CultureInfo.InvariantCulture));
            await ExecuteAsync(store, engine, new PlaceOrder(new($"{id}/place"), new Actor("buyer", ActorRole.Customer), T0, id, SampleBuyers.Private(), [new OrderLine("SKU-1", 1 + (i % 3), new Money(40m))]));
            var total = (await store.GetAsync(id))!.Aggregate.Total;
            await ExecuteAsync(store, engine, new PayOrder(new($"{id}/pay"), Actor.System, T0 + Duration.FromMinutes(5), id, total));
            await ExecuteAsync(store, engine, new ConfirmOrder(new($"{id}/confirm"), new Actor("sales", ActorRole.Sales), T0 + Duration.FromMinutes(10), id));
            await ExecuteAsync(store, engine, new AllocateStock(new($"{id}/allocate"), new Actor("wh", ActorRole.Warehouse), T0 + Duration.FromMinutes(30), id, "DN-" + id));
            while (await dispatcher.RunOnceAsync(owner, Dispatching()) > 0)
            {
            }

            await ExecuteAsync(store, engine, new RecordTrackingEvent(new($"{id}/signed"), new Actor("carrier", ActorRole.Carrier), T0 + Duration.FromDays(2), id, TrackingEventKind.Signed));
        }

        while (await scheduler.RunOnceAsync(owner, Completing()) > 0)
        {
            await Task.Delay(5);
        }

        while (await dispatcher.RunOnceAsync(owner, Completing()) > 0)
        {
            await Task.Delay(5);
        }
    }

    /// <summary>Executes a command; a new one (not a replay after a restart) is followed by a pause, so kills land mid-run.</summary>
    private static async Task ExecuteAsync(SqliteEcomStore store, EcomEngine engine, EcomCommand command)
    {
        var isNew = await store.FindCommandAsync(command.CommandId) is null;
        var decision = await engine.ExecuteAsync(command);
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"{command.CommandId} was refused: {decision.Reason}");
        }

        if (isNew)
        {
            await Task.Delay(15);
        }
    }

    private static async Task<List<string>> VerifyAsync(string db, int orders)
    {
        var failures = new List<string>();
        var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = db });
        var integrity = await store.CheckIntegrityAsync();
        if (integrity != "ok")
        {
            failures.Add("PRAGMA integrity_check: " + integrity);
        }

        for (var i = 0; i < orders; i++)
        {
            var id = new OrderId("c" + i.ToString("D3", CultureInfo.InvariantCulture));
            var stored = await store.GetAsync(id);
            if (stored?.Aggregate is not { } order)
            {
                failures.Add($"{id}: missing");
                continue;
            }

            if (order.State != OrderState.Completed)
            {
                failures.Add($"{id}: {order.State}, expected Completed");
            }

            // No transition lost: the audit trail covers every version 1..N in order, and the last change leads to the state.
            var audit = await store.ReadAuditAsync(id.Key);
            var versions = audit.Select(a => a.Version).Distinct().ToArray();
            if (!versions.SequenceEqual(Enumerable.Range(1, (int)stored.Version).Select(v => (long)v)) || audit.Zip(audit.Skip(1)).Any(p => p.First.Version > p.Second.Version))
            {
                failures.Add($"{id}: audit versions [{string.Join(",", audit.Select(a => a.Version))}] do not cover 1..{stored.Version}");
            }

            var last = audit.LastOrDefault(a => a.Version == stored.Version);
            if (last is null || !last.Change.EndsWith(order.State.ToString(), StringComparison.Ordinal))
            {
                failures.Add($"{id}: last audit change '{last?.Change}' does not lead to {order.State}");
            }

            // Every due timer fired once in effect: one audited command per timer.
            foreach (var timer in audit.Where(a => a.CommandId.Value.StartsWith("timer/", StringComparison.Ordinal)).GroupBy(a => a.CommandId.Value[..a.CommandId.Value.LastIndexOf('/')]))
            {
                if (timer.Count() != 1)
                {
                    failures.Add($"{id}: timer {timer.Key} fired {timer.Count()} times in effect");
                }
            }

            if (audit.Count(a => a.Action == nameof(CompleteOrder)) != 1)
            {
                failures.Add($"{id}: completed {audit.Count(a => a.Action == nameof(CompleteOrder))} times");
            }
        }

        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        Count(connection, "SELECT count(*) FROM timers", 0, "timers left", failures);
        Count(connection, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL", 0, "undelivered outbox messages", failures);
        Count(connection, "SELECT count(*) FROM (SELECT logical FROM port_effects GROUP BY logical HAVING count(*) > 1)", 0, "duplicated port effects", failures);
        Count(connection, "SELECT count(*) FROM port_effects WHERE port = 'invoice'", orders, "invoices", failures);
        Count(connection, "SELECT count(*) FROM port_effects WHERE port = 'carrier'", orders, "pickups", failures);
        Count(connection, "SELECT count(*) FROM port_effects WHERE port = 'sms'", 2 * orders, "SMS (shipped, received)", failures);
        Count(connection, "SELECT count(*) FROM port_effects WHERE port = 'carrier' AND result NOT LIKE 'SF%'", Enumerable.Range(0, orders).Count(i => PortEffects.PreferredRefuses("c" + i.ToString("D3", CultureInfo.InvariantCulture))), "pickups by a backup carrier (CAR-2)", failures);
        Count(connection, $"SELECT count(*) FROM outbox WHERE event_type = '{nameof(OrderCompleted)}'", orders, "OrderCompleted events", failures);
        return failures;
    }

    private static void Count(SqliteConnection connection, string sql, long expected, string what, List<string> failures)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var actual = (long)command.ExecuteScalar()!;
        if (actual != expected)
        {
            failures.Add($"{what}: {actual}, expected {expected}");
        }
    }


    private static int Option(string[] options, string name, int fallback)
        => OptionText(options, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
