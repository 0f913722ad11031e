using System.Globalization;
using System.Text;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.TestSupport;
using EcomRules.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// <c>--load</c>: concurrent clients × stores, the engine against the raw one-row-transaction loop of the same store
/// with the same settings, in the same run (issue 19); on SQLite the two alternate in slices of the measured time.
/// The CPU columns are this process's CPU time per command or transaction: all of SQLite's work, only the client's
/// share of PostgreSQL's.
/// Not a BenchmarkDotNet job: a closed loop of 1, 8 or 64 clients
/// is what a peak looks like, and BenchmarkDotNet measures one caller.
/// <para>
/// <c>dotnet run -c Release --project benchmarks/EcomRules.Benchmarks -- --load [--seconds 3] [--warmup 1]
/// [--clients 1,8,64] [--stores sqlite-full,sqlite-normal,postgresql] [--batch N] [--wait-ms N]</c>.
/// <c>--batch</c>/<c>--wait-ms</c> set the SQLite store's group commit (<see cref="SqliteStoreOptions.GroupCommitMaxBatch"/>,
/// <see cref="SqliteStoreOptions.GroupCommitMaxWait"/>); <c>--batch 1</c> commits every change set alone.
/// PostgreSQL runs on a throwaway durable cluster (<see cref="PostgreSqlCluster"/>) when its binaries are installed,
/// and is skipped with a note otherwise.
/// </para>
/// </summary>
internal static class LoadBenchmark
{
    // A SQLite cell alternates engine and raw slices, so a busy machine's bursts fall on both alike.
    private const int Slices = 6;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = LoadArguments.Number(args, "--seconds", 3.0);
        var warmup = TimeSpan.FromSeconds(LoadArguments.Number(args, "--warmup", 1.0));
        var duration = TimeSpan.FromSeconds(seconds);
        var clients = LoadArguments.List(args, "--clients", "1,8,64").Select(static c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var stores = LoadArguments.List(args, "--stores", "sqlite-full,sqlite-normal,postgresql");
        var configure = LoadArguments.SqliteOptions(args);
        LoadArguments.EnoughThreads(clients.Max());

        var table = new StringBuilder();
        table.AppendLine("| store | clients | raw tx/s | raw p50 ms | raw p99 ms | engine cmd/s | engine p50 ms | engine p99 ms | engine/raw | raw CPU µs/tx | engine CPU µs/cmd | engine/raw (CPU) | saves/commit |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var directory = Path.Combine(Path.GetTempPath(), "ecomrules-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var store in stores)
            {
                foreach (var n in clients)
                {
                    var row = store switch
                    {
                        "sqlite-full" => await SqliteCellAsync(directory, SqliteSynchronous.Full, configure, n, warmup, duration),
                        "sqlite-normal" => await SqliteCellAsync(directory, SqliteSynchronous.Normal, configure, n, warmup, duration),
                        "postgresql" => await PostgreSqlCellAsync(n, warmup, duration),
                        _ => throw new ArgumentException($"Unknown store '{store}': use sqlite-full, sqlite-normal or postgresql."),
                    };
                    if (row is null)
                    {
                        table.AppendLine(CultureInfo.InvariantCulture, $"| {store} | {n} | skipped: {PostgreSqlUnavailable} ||||||||||");
                        break;
                    }

                    var (raw, engine, perCommit) = row.Value;
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"| {store} | {n} | {raw.PerSecond:0} | {raw.P50:0.00} | {raw.P99:0.00} | {engine.PerSecond:0} | {engine.P50:0.00} | {engine.P99:0.00} | {engine.PerSecond / raw.PerSecond:0.00}× | {raw.CpuMicroseconds:0} | {engine.CpuMicroseconds:0} | {raw.CpuMicroseconds / engine.CpuMicroseconds:0.00}× | {perCommit:0.0} |");
                    Console.WriteLine(line);
                    table.AppendLine(line);
                }
            }
        }
        finally
        {
            await StopPostgreSqlAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; {warmup.TotalSeconds:0.#} s warm-up, {seconds:0.#} s measured per cell; group commit: {Describe(configure)}."));
        Console.Write(table);
        return 0;
    }

    private static string Describe(Action<SqliteStoreOptions> configure)
    {
        var options = new SqliteStoreOptions();
        configure(options);
        return string.Create(CultureInfo.InvariantCulture, $"max batch {options.GroupCommitMaxBatch}, max wait {options.GroupCommitMaxWait.TotalMilliseconds:0.###} ms");
    }

    private static async Task<(LoadResult Raw, LoadResult Engine, double SavesPerCommit)?> SqliteCellAsync(string directory, SqliteSynchronous synchronous, Action<SqliteStoreOptions> configure, int clients, TimeSpan warmup, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var options = new SqliteStoreOptions { DataSource = Path.Combine(directory, run + "-engine.db"), Synchronous = synchronous };
        configure(options);
        using var raw = new RawSqliteLoop(Path.Combine(directory, run + "-raw.db"), synchronous, options.BusyTimeout);
        using var store = await SqliteEcomStore.OpenAsync(options);
        var engine = LoadTargets.Engine(store);
        var (engineResult, rawResult) = await LoadRun.CompareAsync(clients, c => LoadTargets.PlaceAndPay(engine, run, c), raw.StepFor, warmup, duration, Slices);
        var (commits, saves) = store.CommitCounts;
        var perCommit = (double)saves / Math.Max(1, commits);
        var work = store.WorkCounts();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {synchronous} × {clients}: per committed save (warm-up included) {(double)work.Statements / saves:0.0} statements on the write connection (BEGIN/SAVEPOINT/COMMIT and reads that borrowed it included), {(double)work.WriterWrites / saves:0.0} pages written, {(double)work.WriterMisses / saves:0.00} pages read into its cache; idle readers: {work.ReaderHits} cache hits, {work.ReaderMisses} misses"));
        return (rawResult, engineResult, perCommit);
    }

    private static PostgreSqlCluster? _cluster;
    private static string? PostgreSqlUnavailable;

    private static async Task<(LoadResult Raw, LoadResult Engine, double SavesPerCommit)?> PostgreSqlCellAsync(int clients, TimeSpan warmup, TimeSpan duration)
    {
        if (PostgreSqlUnavailable is not null)
        {
            return null;
        }

        try
        {
            _cluster ??= await PostgreSqlCluster.StartAsync(durable: true);
        }
        catch (InvalidOperationException e)
        {
            PostgreSqlUnavailable = e.Message.Split('.')[0];
            return null;
        }

        await using var dataSource = NpgsqlDataSource.Create(await _cluster.CreateDatabaseAsync("load"));
        var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { DataSource = dataSource });
        await store.MigrateAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var engine = LoadTargets.Engine(store);
        var engineResult = await LoadRun.MeasureAsync(clients, c => LoadTargets.PlaceAndPay(engine, run, c), warmup, duration);
        await using (var create = dataSource.CreateCommand("CREATE TABLE raw_rows (id text PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var next = 0L;
        var rawResult = await LoadRun.MeasureAsync(clients, _ => async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO raw_rows (id, payload) VALUES ($1, $2)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "{\"state\":\"Placed\",\"total\":100.00}" });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }, warmup, duration);
        return (rawResult, engineResult, 1.0);
    }

    private static async Task StopPostgreSqlAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}
