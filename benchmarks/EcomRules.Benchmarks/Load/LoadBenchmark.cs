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
/// [--clients 1,8,64] [--stores sqlite-full,sqlite-normal,postgresql] [--ids shared|per-client] [--batch N] [--wait-ms N] [--checkpoint-pages N] [--pool N] [--statements]</c>.
/// <c>--ids</c> says where order numbers come from (<see cref="LoadOrderNumbers"/>): one counter (the default) or a
/// sequence per client.
/// <c>--batch</c>/<c>--wait-ms</c> set the SQLite store's group commit (<see cref="SqliteStoreOptions.GroupCommitMaxBatch"/>,
/// <see cref="SqliteStoreOptions.GroupCommitMaxWait"/>); <c>--batch 1</c> commits every change set alone;
/// <c>--checkpoint-pages</c> sets <see cref="SqliteStoreOptions.CheckpointPages"/>.
/// PostgreSQL runs on a throwaway durable cluster (<see cref="PostgreSqlCluster"/>) when its binaries are installed,
/// and is skipped with a note otherwise; <c>--pool</c> sets its connection pool's maximum (the cluster's default
/// otherwise), and a second table says what each command cost there (round trips, connections, client and server CPU);
/// <c>--statements</c> loads <c>pg_stat_statements</c> and prints the server's execution time per statement of each engine cell, and how often and how long it was planned.
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
        var statements = Array.IndexOf(args, "--statements") >= 0;
        var perClientIds = LoadOrderNumbers.PerClient(args);
        var pool = LoadArguments.Value(args, "--pool") is { } poolSize ? int.Parse(poolSize, CultureInfo.InvariantCulture) : (int?)null;
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
                    // A store's first cell warms up longer: the runtime recompiles the hot code (tiered JIT) in the
                    // background, and on a busy 2-core machine that took past a 2-second warm-up, so the first cell measured
                    // half-compiled code (PostgreSQL at 8 clients: 0.32× with 0.52 ms client CPU, the same cell again 0.50×, 0.22 ms).
                    var cellWarmup = n == clients[0] ? FirstCellWarmup(warmup) : warmup;
                    var row = store switch
                    {
                        "sqlite-full" => await SqliteCellAsync(directory, SqliteSynchronous.Full, configure, perClientIds, n, cellWarmup, duration),
                        "sqlite-normal" => await SqliteCellAsync(directory, SqliteSynchronous.Normal, configure, perClientIds, n, cellWarmup, duration),
                        "postgresql" => await PostgreSqlCellAsync(n, pool, statements, perClientIds, cellWarmup, duration),
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; {warmup.TotalSeconds:0.#} s warm-up ({FirstCellWarmup(warmup).TotalSeconds:0.#} s in a store's first cell), {seconds:0.#} s measured per cell; order numbers: {(perClientIds ? "one sequence per client" : "one counter")}; group commit: {Describe(configure)}."));
        Console.Write(table);
        if (PostgreSqlWork.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine("PostgreSQL, per command or raw transaction measured: Npgsql operations (one round trip each once prepared), connections in use / open at most, client and server CPU.");
            Console.WriteLine("| clients | pool | engine round trips | engine connections | engine client CPU ms | engine server CPU ms | raw round trips | raw connections | raw client CPU ms | raw server CPU ms |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.Write(PostgreSqlWork);
        }

        return 0;
    }

    private static TimeSpan FirstCellWarmup(TimeSpan warmup) => warmup * 4;

    private static string Describe(Action<SqliteStoreOptions> configure)
    {
        var options = new SqliteStoreOptions();
        configure(options);
        return string.Create(CultureInfo.InvariantCulture, $"max batch {options.GroupCommitMaxBatch}, max wait {options.GroupCommitMaxWait.TotalMilliseconds:0.###} ms; checkpoint every {options.CheckpointPages} pages");
    }

    private static async Task<(LoadResult Raw, LoadResult Engine, double SavesPerCommit)?> SqliteCellAsync(string directory, SqliteSynchronous synchronous, Action<SqliteStoreOptions> configure, bool perClientIds, int clients, TimeSpan warmup, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var clock = new LoadClock();
        var options = new SqliteStoreOptions { DataSource = Path.Combine(directory, run + "-engine.db"), Synchronous = synchronous };
        configure(options);
        using var raw = new RawSqliteLoop(Path.Combine(directory, run + "-raw.db"), synchronous, options.BusyTimeout);
        using var store = await SqliteEcomStore.OpenAsync(options);
        var engine = LoadTargets.Engine(store);
        var numbers = new LoadOrderNumbers(run, perClientIds);
        var (engineResult, rawResult) = await LoadRun.CompareAsync(clients, c => LoadTargets.PlaceAndPay(engine, numbers, c, clock), raw.StepFor, warmup, duration, Slices);
        var (commits, saves) = store.CommitCounts;
        var perCommit = (double)saves / Math.Max(1, commits);
        var work = store.WorkCounts();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {synchronous} × {clients}: per committed save (warm-up included) {(double)work.Statements / saves:0.0} statements on the write connection (BEGIN/SAVEPOINT/COMMIT and reads that borrowed it included), {(double)work.WriterWrites / saves:0.0} pages written, {(double)work.WriterMisses / saves:0.00} pages read into its cache; idle readers: {work.ReaderHits} cache hits, {work.ReaderMisses} misses"));
        return (rawResult, engineResult, perCommit);
    }

    private static readonly StringBuilder PostgreSqlWork = new();
    private static PostgreSqlCluster? _cluster;
    private static string? PostgreSqlUnavailable;

    private static async Task<(LoadResult Raw, LoadResult Engine, double SavesPerCommit)?> PostgreSqlCellAsync(int clients, int? pool, bool statements, bool perClientIds, TimeSpan warmup, TimeSpan duration)
    {
        if (PostgreSqlUnavailable is not null)
        {
            return null;
        }

        try
        {
            _cluster ??= statements
                ? await PostgreSqlCluster.StartAsync(durable: true, settings: ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "pg_stat_statements.track_planning=on"])
                : await PostgreSqlCluster.StartAsync(durable: true);
        }
        catch (InvalidOperationException e)
        {
            PostgreSqlUnavailable = e.Message.Split('.')[0];
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder(await _cluster.CreateDatabaseAsync("load"));
        if (pool is { } size)
        {
            settings.MaxPoolSize = size;
        }

        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        using var use = new NpgsqlUse();
        LoadResult engineResult;
        StepWork engineWork;
        await using (var store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { DataSource = dataSource }))
        {
            // Disposed before the raw loop runs, so the connections it keeps are the raw loop's to use.
            await store.MigrateAsync();
            var numbers = new LoadOrderNumbers(Guid.NewGuid().ToString("N")[..8], perClientIds);
            var clock = new LoadClock();
            var engine = LoadTargets.Engine(store);
            if (statements)
            {
                await using var reset = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset(); SELECT pg_stat_reset_shared('wal')");
                await reset.ExecuteNonQueryAsync();
            }

            (engineResult, engineWork) = await MeasureWorkAsync(use, _cluster.Directory, measuring => LoadRun.MeasureAsync(clients, c => LoadTargets.PlaceAndPay(engine, numbers, c, clock), warmup, duration, measuring));
            if (statements)
            {
                await PrintStatementsAsync(dataSource, engineResult.Completed);
            }
        }

        await using (var create = dataSource.CreateCommand("CREATE TABLE raw_rows (id text PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var next = 0L;
        var (rawResult, rawWork) = await MeasureWorkAsync(use, _cluster.Directory, measuring => LoadRun.MeasureAsync(clients, _ => async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO raw_rows (id, payload) VALUES ($1, $2)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "{\"state\":\"Placed\",\"total\":100.00}" });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }, warmup, duration, measuring));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {clients} | {settings.MaxPoolSize} | {engineWork.Operations:0.00} | {engineWork.MaxUsed} / {engineWork.MaxOpen} | {engineWork.ClientMs:0.00} | {engineWork.ServerMs:0.00} | {rawWork.Operations:0.00} + COMMIT | {rawWork.MaxUsed} / {rawWork.MaxOpen} | {rawWork.ClientMs:0.00} | {rawWork.ServerMs:0.00} |");
        Console.WriteLine("  PostgreSQL work " + line);
        PostgreSqlWork.AppendLine(line);
        return (rawResult, engineResult, 1.0);
    }

    /// <summary>Runs a measurement and says what each step measured cost: Npgsql operations, connections, CPU.</summary>
    private static async Task<(LoadResult Result, StepWork Work)> MeasureWorkAsync(NpgsqlUse use, string clusterDirectory, Func<Action<bool>, Task<LoadResult>> measure)
    {
        var (operations, client, server) = (0L, 0.0, 0.0);
        var result = await measure(start =>
        {
            if (start)
            {
                use.ResetMaxima();
                (operations, client, server) = (use.Operations, ClusterCpu.Client(), ClusterCpu.Server(clusterDirectory));
            }
            else
            {
                (operations, client, server) = (use.Operations - operations, ClusterCpu.Client() - client, ClusterCpu.Server(clusterDirectory) - server);
            }
        });
        var steps = Math.Max(1, result.Completed);
        return (result, new StepWork((double)operations / steps, use.MaxUsed, use.MaxOpen, client * 1000 / steps, server * 1000 / steps));
    }

    /// <summary>Where the server's time went in the engine cell (warm-up included): <c>pg_stat_statements</c>, per statement, with its plans (a generic plan is planned a few times, then reused).</summary>
    private static async Task PrintStatementsAsync(NpgsqlDataSource dataSource, long measured)
    {
        await using var query = dataSource.CreateCommand("""
            SELECT calls, total_exec_time / calls * 1000, plans, total_plan_time / greatest(plans, 1) * 1000, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8
            """);
        await using (var reader = await query.ExecuteReaderAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  server execution per statement (pg_stat_statements; {measured} commands measured):"));
            while (await reader.ReadAsync())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {reader.GetInt64(0),8} calls {reader.GetDouble(1),8:0.0} µs each, {reader.GetInt64(2)} plans {reader.GetDouble(3),6:0.0} µs each: {reader.GetString(4)}"));
            }
        }

        await using var wal = dataSource.CreateCommand("""
            SELECT wal_records, wal_fpi, wal_bytes::bigint, wal_write, wal_sync,
                (SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_user_tables)::bigint,
                (SELECT sum(calls) FROM pg_stat_statements WHERE query LIKE 'WITH command AS%')::bigint
            FROM pg_stat_wal
            """);
        await using var walReader = await wal.ExecuteReaderAsync();
        await walReader.ReadAsync();
        var saves = Math.Max(1, walReader.GetInt64(6));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  WAL per save (warm-up included): {(double)walReader.GetInt64(0) / saves:0.0} records, {(double)walReader.GetInt64(1) / saves:0.00} full-page images, {(double)walReader.GetInt64(2) / saves:0} bytes; {walReader.GetInt64(3)} WAL writes and {walReader.GetInt64(4)} syncs for {saves} saves; {walReader.GetInt64(5)} autovacuum/autoanalyze runs"));
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

/// <summary>What one step of a PostgreSQL cell cost on average.</summary>
/// <param name="Operations">Npgsql operations (commands and batches).</param>
/// <param name="MaxUsed">Most connections in use at once.</param>
/// <param name="MaxOpen">Most physical connections open at once.</param>
/// <param name="ClientMs">This process's CPU, milliseconds.</param>
/// <param name="ServerMs">The cluster's CPU, milliseconds.</param>
internal readonly record struct StepWork(double Operations, long MaxUsed, long MaxOpen, double ClientMs, double ServerMs);
