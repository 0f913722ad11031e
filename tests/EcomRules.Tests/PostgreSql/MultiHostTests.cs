using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit.Abstractions;

namespace EcomRules.Tests.PostgreSql;

/// <summary>
/// Three worker PROCESSES on one PostgreSQL database drain 3,000 outbox messages and 3,000 timers (30 claims of 100
/// each, per kind) through leased SKIP LOCKED claims: every message and timer gets exactly one effect, none twice, and
/// each process does a share. The workers start together once all three are ready.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed partial class MultiHostTests(PostgreSqlFixture fixture, ITestOutputHelper output)
{
    private const int Messages = 3_000;
    private const int Timers = 3_000;
    private const int Workers = 3;
    // A guard against a hung worker, not a speed target: the workers stop when everything is delivered, long before it
    // on a quiet machine; the time is printed, never asserted.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "MultiHost")]
    public async Task ThreeWorkerProcesses_DeliverEverythingExactlyOnce()
    {
        var total = Stopwatch.StartNew();
        var connectionString = await fixture.CreateDatabaseAsync("multihost");
        var seed = await RunAsync(["seed", connectionString, Num(Messages), Num(Timers)]);
        output.WriteLine(seed.Trim());

        var remaining = Budget - total.Elapsed;
        var results = await Task.WhenAll(Enumerable.Range(1, Workers).Select(i =>
            RunAsync(["work", connectionString, "worker-" + Num(i), Num(Workers), Num((int)remaining.TotalSeconds - 5)])));

        var lines = results.Select(r => ResultLine().Match(r)).ToArray();
        Assert.All(lines, m => Assert.True(m.Success, "A worker printed no RESULT line."));
        var split = lines.Select(m => (
            Owner: m.Groups["owner"].Value,
            Outbox: long.Parse(m.Groups["outbox"].Value, CultureInfo.InvariantCulture),
            Timers: long.Parse(m.Groups["timers"].Value, CultureInfo.InvariantCulture),
            Duplicates: long.Parse(m.Groups["duplicates"].Value, CultureInfo.InvariantCulture),
            Lost: long.Parse(m.Groups["lost"].Value, CultureInfo.InvariantCulture),
            Ms: long.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture))).ToArray();
        var seconds = split.Max(s => s.Ms) / 1000.0;
        foreach (var s in split)
        {
            output.WriteLine($"{s.Owner}: outbox {s.Outbox}, timers {s.Timers}, duplicates {s.Duplicates}, lost claims {s.Lost}, {s.Ms} ms");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Messages + Timers} deliveries by {Workers} processes in {seconds:F2} s: {(Messages + Timers) / seconds:F0}/s; whole test {total.Elapsed.TotalSeconds:F1} s"));

        Assert.All(split, s => Assert.Equal(0, s.Duplicates));
        Assert.All(split, s => Assert.Equal(0, s.Lost));
        Assert.Equal(Messages, split.Sum(s => s.Outbox));
        Assert.Equal(Timers, split.Sum(s => s.Timers));
        Assert.All(split, s => Assert.True(s.Outbox + s.Timers >= (Messages + Timers) / 10,
            $"{s.Owner} handled {s.Outbox + s.Timers} of {Messages + Timers}; every process should do a non-trivial share."));

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM ecomrules.outbox WHERE delivered_at IS NULL"));
        Assert.Equal((long)Messages, await ScalarAsync(dataSource, "SELECT count(*) FROM ecomrules.outbox"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM ecomrules.timers"));
        Assert.Equal(0L, await ScalarAsync(dataSource,
            "SELECT count(*) FROM ecomrules.outbox o WHERE NOT EXISTS (SELECT 1 FROM effects e WHERE e.effect_key = 'outbox:' || o.idempotency_key)"));
        Assert.Equal((long)Messages, await ScalarAsync(dataSource, "SELECT count(*) FROM effects WHERE kind = 'outbox'"));
        Assert.Equal((long)Timers, await ScalarAsync(dataSource,
            $"SELECT count(DISTINCT split_part(effect_key, '@', 1)) FROM effects WHERE kind = 'timer' AND effect_key ~ '^timer:t[0-9]{{6}}@'"));
        Assert.Equal((long)Timers, await ScalarAsync(dataSource, "SELECT count(*) FROM effects WHERE kind = 'timer'"));
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> RunAsync(string[] arguments)
    {
        var dll = typeof(MultiHostTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MultiHostDll").Value!;
        Assert.True(File.Exists(dll), $"The multi-host worker was not built at {dll}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Budget);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"EcomRules.MultiHost {arguments[0]} did not finish within {Budget}.");
        }

        Assert.True(process.ExitCode == 0, $"EcomRules.MultiHost {arguments[0]} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"RESULT owner=(?<owner>\S+) outbox=(?<outbox>\d+) timers=(?<timers>\d+) duplicates=(?<duplicates>\d+) lost=(?<lost>\d+) ms=(?<ms>\d+)")]
    private static partial Regex ResultLine();
}
