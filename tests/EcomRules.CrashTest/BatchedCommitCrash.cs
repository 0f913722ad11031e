using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.CrashTest;

/// <summary>
/// The crash test of group commit (issue 19).
/// <list type="bullet">
/// <item><c>batch-run [--rounds 5] [--seed 42]</c>: the parent. Starts a child on one database file and SIGKILLs it at
/// a random moment after it has acknowledged some decisions, while its clients' saves are being committed in batches;
/// then the next child resumes on the same file. Afterwards every decision a child acknowledged is in the file (no
/// accepted decision lost), every recorded command has its audit entry and every aggregate's version equals its audit
/// entries (no change set half applied, none applied twice), and <c>PRAGMA integrity_check</c> = ok.</item>
/// <item><c>batch-child DB EPOCH</c>: 32 concurrent clients place and pay new orders through the engine on the SQLite
/// store (group commit on, its defaults), printing <c>ok COMMAND-ID</c> for each accepted decision, until killed.</item>
/// </list>
/// </summary>
internal static class BatchedCommitCrash
{
    private const int Clients = 32;
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 11, 1, 0);

    public static async Task<int> ParentAsync(int rounds, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ecomrules-batch-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var db = Path.Combine(directory, "batch.db");
        var random = new Random(seed);
        var acknowledged = new ConcurrentBag<string>();
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                {
                    info.ArgumentList.Add(typeof(BatchedCommitCrash).Assembly.Location);
                }

                foreach (var arg in new[] { "batch-child", db, round.ToString(CultureInfo.InvariantCulture) })
                {
                    info.ArgumentList.Add(arg);
                }

                using var child = Process.Start(info)!;
                var killAfter = 100 + random.Next(400);
                var seen = 0;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                string? line;
                while ((line = await child.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
                {
                    if (line.StartsWith("ok ", StringComparison.Ordinal))
                    {
                        acknowledged.Add(line[3..]);
                        if (++seen == killAfter)
                        {
                            child.Kill(); // SIGKILL, mid-stream: saves are queued and batches being written
                        }
                    }
                }

                await child.WaitForExitAsync(timeout.Token);
                if (seen < killAfter)
                {
                    Console.Error.WriteLine($"Round {round}: the child exited with {child.ExitCode} after {seen} acknowledgements: {await child.StandardError.ReadToEndAsync()}");
                    return 1;
                }
            }

            return await CheckAsync(db, rounds, acknowledged);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    public static async Task ChildAsync(string db, int epoch)
    {
        var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = db });
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var output = TextWriter.Synchronized(Console.Out);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var buyer = SampleBuyers.Private();
            for (var n = 0; ; n++)
            {
                var id = new OrderId(string.Create(CultureInfo.InvariantCulture, $"b{epoch}-{client}-{n}"));
                var placed = await engine.ExecuteAsync(new PlaceOrder(new($"{id}/place"), new Actor("buyer", ActorRole.Customer), T0, id, buyer, [new OrderLine("SKU-1", 1, new Money(40m))]));
                Acknowledge(output, placed);
                Acknowledge(output, await engine.ExecuteAsync(new PayOrder(new($"{id}/pay"), Actor.System, T0 + Duration.FromMinutes(5), id, ((Order)placed.State!).Total)));
            }
        })));
    }

    private static void Acknowledge(TextWriter output, Decision decision)
    {
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"{decision.CommandId} was refused: {decision.Reason}");
        }

        output.WriteLine("ok " + decision.CommandId.Value);
        output.Flush();
    }

    private static async Task<int> CheckAsync(string db, int rounds, ConcurrentBag<string> acknowledged)
    {
        var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = db });
        await using (store)
        {
            var lost = 0;
            foreach (var id in acknowledged)
            {
                lost += await store.FindCommandAsync(new CommandId(id)) is null ? 1 : 0;
            }

            await using var connection = new SqliteConnection(store.ConnectionString);
            await connection.OpenAsync();
            var halfApplied = Scalar(connection, "SELECT count(*) FROM commands c WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.command_id = c.command_id);");
            var wrongVersions = Scalar(connection, "SELECT count(*) FROM aggregates g WHERE g.version <> (SELECT count(*) FROM audit a WHERE a.kind = g.kind AND a.id = g.id);");
            var duplicatedAudit = Scalar(connection, "SELECT count(*) FROM (SELECT kind, id, version FROM audit GROUP BY kind, id, version HAVING count(*) > 1);");
            var integrity = await store.CheckIntegrityAsync();
            var failures = lost + halfApplied + wrongVersions + duplicatedAudit + (integrity == "ok" ? 0 : 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Batched-commit crash test: {rounds} SIGKILLs, {acknowledged.Count} acknowledged decisions, {lost} lost, {halfApplied} half applied, {wrongVersions} aggregates off their audit, {duplicatedAudit} duplicated, integrity {integrity}, {failures} failures"));
            return failures == 0 ? 0 : 1;
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
