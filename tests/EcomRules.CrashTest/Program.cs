using System.Diagnostics;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.CrashTest;

/// <summary>
/// The SQLite crash test.
/// <list type="bullet">
/// <item><c>run [--orders 8] [--random-kills 0] [--seed 42] [--db path]</c>: the parent. On one fresh database file,
/// starts a child per kill point in <see cref="KillPoints"/>; each child SIGKILLs itself there (a save just before its
/// commit, while the commit is written, just after it; a port effect made but its outbox message not completed; a
/// timer's command committed but the timer not completed). Then, optionally, children killed at random moments (from
/// <c>--seed</c>); then a last child that must finish. Then it checks the file: no transition lost, no port effect
/// duplicated, every timer fired once in effect, <c>PRAGMA integrity_check</c> = ok. Exit code 0 when every kill
/// landed and every check holds.</item>
/// <item><c>child DB EPOCH ORDERS [KILLPOINT]</c>: runs the orders end to end (place, pay, confirm, allocate; the
/// outbox dispatcher issues invoices, books carriers and sends SMS through ports that persist their effects; signed;
/// the timer scheduler completes them), resuming from whatever the file holds. Every command ID is deterministic, so
/// a restarted child repeats nothing in effect.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);

    /// <summary>
    /// Where the children die, one kill per child, in the order they reach these points (counts start again in every
    /// child, and each child resumes where the last one died, so the first order meets most of them):
    /// a command prepared but not committed; its commit being written; committed but never answered; a pickup booked
    /// after the preferred carrier refused (CAR-2) but its outbox message not completed; the dispatcher's follow-up
    /// command being committed, and committed but its message not completed; a timer's command committed but the timer
    /// not completed, and being committed.
    /// </summary>
    private static readonly string[] KillPoints =
    [
        "save:PlaceOrder:1:before",
        "save:PayOrder:1:during",
        "save:ConfirmOrder:1:after",
        "port:carrier:1",
        "save:RecordInvoice:1:during",
        "save:RecordShipment:1:after",
        "save:CompleteOrder:2:after",
        "save:CompleteOrder:2:during",
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["child", var db, var epoch, var orders, .. var kill])
        {
            await ChildAsync(db, int.Parse(epoch, CultureInfo.InvariantCulture), int.Parse(orders, CultureInfo.InvariantCulture), KillPoint.Parse(kill is [var point] ? point : null));
            return 0;
        }

        if (args is ["batch-child", var batchDb, var batchEpoch])
        {
            await BatchedCommitCrash.ChildAsync(batchDb, int.Parse(batchEpoch, CultureInfo.InvariantCulture));
            return 0;
        }

        if (args is ["batch-run", .. var batchOptions])
        {
            return await BatchedCommitCrash.ParentAsync(Option(batchOptions, "--rounds", 5), Option(batchOptions, "--seed", 42));
        }

        if (args is ["run", .. var options])
        {
            return await ParentAsync(Option(options, "--orders", 8), Option(options, "--seed", 42), Option(options, "--random-kills", 0), OptionText(options, "--db"));
        }

        Console.Error.WriteLine("usage: EcomRules.CrashTest run [--orders N] [--seed N] [--random-kills N] [--db PATH] | batch-run [--rounds N] [--seed N]");
        return 2;
    }

    private static async Task<int> ParentAsync(int orders, int seed, int randomKills, string? db)
    {
        var clock = Stopwatch.StartNew();
        var directory = db is null ? Path.Combine(Path.GetTempPath(), "ecomrules-crash-" + Guid.NewGuid().ToString("N")) : null;
        db ??= Path.Combine(directory!, "crash.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        var random = new Random(seed);
        var killed = 0;
        var epoch = 0;
        try
        {
            foreach (var point in KillPoints)
            {
                using var child = StartChild(db, epoch++, orders, point);
                if (!child.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    child.Kill(entireProcessTree: true);
                    Console.Error.WriteLine($"The child meant to die at {point} was still running after 60 s.");
                    return 1;
                }

                if (child.ExitCode != KillPoint.KilledExitCode)
                {
                    Console.Error.WriteLine($"The child meant to die at {point} exited with code {child.ExitCode} (0: it never got there): {await child.StandardError.ReadToEndAsync()}");
                    return 1;
                }

                killed++;
            }

            for (var i = 0; i < randomKills; i++)
            {
                using var child = StartChild(db, epoch++, orders);
                if (!child.WaitForExit(random.Next(250, 900)))
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync();
                    killed++;
                }
                else if (child.ExitCode != 0)
                {
                    Console.Error.WriteLine($"A child exited with code {child.ExitCode}: {await child.StandardError.ReadToEndAsync()}");
                    return 1;
                }
            }

            using (var last = StartChild(db, epoch, orders))
            {
                if (!last.WaitForExit(TimeSpan.FromSeconds(120)))
                {
                    last.Kill(entireProcessTree: true);
                    Console.Error.WriteLine("The last child did not finish within 120 s.");
                    return 1;
                }

                if (last.ExitCode != 0)
                {
                    Console.Error.WriteLine($"The last child exited with code {last.ExitCode}: {await last.StandardError.ReadToEndAsync()}");
                    return 1;
                }
            }

            var failures = await VerifyAsync(db, orders);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"crash test: {killed} SIGKILLs ({KillPoints.Length} at chosen points), {orders} orders, {failures.Count} failures, {clock.Elapsed.TotalSeconds:F1} s"));
            foreach (var failure in failures)
            {
                Console.Error.WriteLine("  " + failure);
            }

            return failures.Count == 0 ? 0 : 1;
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

    private static Process StartChild(string db, int epoch, int orders, string? killPoint = null)
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

        if (killPoint is not null)
        {
            info.ArgumentList.Add(killPoint);
        }

        return Process.Start(info)!;
    }

    private static async Task ChildAsync(string db, int epoch, int orders, KillPoint? kill)
    {
        var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = db });
        await using (var connection = new SqliteConnection(store.ConnectionString))
        {
            await connection.OpenAsync();
            using var schema = connection.CreateCommand();
            schema.CommandText = "PRAGMA busy_timeout = 5000;" + PortEffects.Schema;
            await schema.ExecuteNonQueryAsync();
        }

        var ports = new PortEffects(store.ConnectionString, kill);
        var engine = new EcomEngine(new KillingStore(store, kill, db), EcomPolicy.RetailPlatform);
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
            var placed = await ExecuteAsync(engine, new PlaceOrder(new($"{id}/place"), new Actor("buyer", ActorRole.Customer), T0, id, SampleBuyers.Private(), [new OrderLine("SKU-1", 1 + (i % 3), new Money(40m))]));
            // A replay after a restart carries the order only if nothing changed it since (SEC-2); otherwise read the storage.
            var total = (placed.State as Order ?? (Order)(await store.LoadAsync(id.Key))!.State).Total;
            await ExecuteAsync(engine, new PayOrder(new($"{id}/pay"), Actor.System, T0 + Duration.FromMinutes(5), id, total));
            await ExecuteAsync(engine, new ConfirmOrder(new($"{id}/confirm"), new Actor("sales", ActorRole.Sales), T0 + Duration.FromMinutes(10), id));
            await ExecuteAsync(engine, new AllocateStock(new($"{id}/allocate"), new Actor("wh", ActorRole.Warehouse), T0 + Duration.FromMinutes(30), id, "DN-" + id));
            while (await dispatcher.RunOnceAsync(owner, Dispatching()) > 0)
            {
            }

            await ExecuteAsync(engine, new RecordTrackingEvent(new($"{id}/signed"), new Actor("carrier", ActorRole.Carrier), T0 + Duration.FromDays(2), id, TrackingEventKind.Signed));
        }

        while (await scheduler.RunOnceAsync(owner, Completing()) > 0)
        {
        }

        while (await dispatcher.RunOnceAsync(owner, Completing()) > 0)
        {
        }
    }

    /// <summary>Executes a command (again, after a restart: then it is a replay) and requires it accepted.</summary>
    private static async Task<Decision> ExecuteAsync(EcomEngine engine, EcomCommand command)
    {
        var decision = await engine.ExecuteAsync(command);
        return decision.IsAccepted ? decision : throw new InvalidOperationException($"{command.CommandId} was refused: {decision.Reason}");
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
            // The check reads the storage itself, below the engine's audited reads.
            if (await store.LoadAsync(id.Key) is not { State: Order order } stored)
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
        // ORD-5: each completed order's follow-up visit is opened once (its breach and first warning wait for the visit, SLA-8).
        Count(connection, "SELECT count(*) FROM timers WHERE aggregate_kind <> 'follow-up'", 0, "timers left", failures);
        Count(connection, "SELECT count(*) FROM timers WHERE aggregate_kind = 'follow-up'", orders * 2, "follow-up visit timers", failures);
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
