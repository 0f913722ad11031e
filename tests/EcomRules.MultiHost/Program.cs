using System.Diagnostics;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.TestSupport;
using EcomRules.Testing;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace EcomRules.MultiHost;

/// <summary>
/// <c>seed CONNECTION MESSAGES TIMERS</c>: migrates the store, creates the <c>effects</c> and <c>ready</c> tables and
/// saves change sets holding the outbox messages and the due timers.
/// <c>work CONNECTION OWNER WORKERS DEADLINE_SECONDS</c>: once all WORKERS processes are ready (each adds its row to
/// <c>ready</c> and waits for the others), claims batches of outbox messages and due timers with a lease, "delivers"
/// each by inserting its effect key into <c>effects</c> (a conflict counts as a duplicate delivery), completes it, and
/// stops when nothing is left. Prints one <c>RESULT</c> line.
/// </summary>
public static class Program
{
    private const int Batch = 100;
    private const int PerChangeSet = 50;
    private static readonly Duration Lease = Duration.FromSeconds(30);
    private static readonly Instant SeededAt = Instant.FromUtc(2026, 3, 4, 1, 0);

    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["seed", var cs, var messages, var timers] => await SeedAsync(cs, Int(messages), Int(timers)),
                ["work", var cs, var owner, var workers, var deadline] => await WorkAsync(cs, owner, Int(workers), Int(deadline)),
                _ => Usage(),
            };
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync("FAILED " + e);
            return 1;
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static int Usage()
    {
        Console.Error.WriteLine("usage: seed CONNECTION MESSAGES TIMERS | work CONNECTION OWNER WORKERS DEADLINE_SECONDS");
        return 64;
    }

    private static PostgreSqlEcomStore Open(NpgsqlDataSource dataSource)
        => new(new PostgreSqlStoreOptions { DataSource = dataSource, Serializer = ContractSerialization.Serializer });

    private static async Task<int> SeedAsync(string connectionString, int messages, int timers)
    {
        var watch = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var store = Open(dataSource);
        await store.MigrateAsync();
        await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS effects (effect_key text PRIMARY KEY, owner text NOT NULL, kind text NOT NULL); CREATE TABLE IF NOT EXISTS ready (owner text PRIMARY KEY)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var changeSets = (Math.Max(messages, timers) + PerChangeSet - 1) / PerChangeSet;
        await Parallel.ForAsync(0, changeSets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var key = new AggregateKey("multihost", "agg-" + i.ToString(CultureInfo.InvariantCulture));
            var first = i * PerChangeSet;
            var outbox = Enumerable.Range(first, Math.Clamp(messages - first, 0, PerChangeSet))
                .Select(n => new OutboxMessage(MessageKey(n), new ContractEvent(key, SeededAt, "message " + n.ToString(CultureInfo.InvariantCulture)), SeededAt))
                .ToArray();
            var due = Enumerable.Range(first, Math.Clamp(timers - first, 0, PerChangeSet))
                .Select(n => new TimerRequest(TimerId(n), key, "sla-breach", SeededAt + Duration.FromMilliseconds(n)))
                .ToArray();
            var command = new CommandId("seed-" + i.ToString(CultureInfo.InvariantCulture));
            var record = new IdempotencyRecord(command, "seed", key, DecisionStatus.Accepted, RefusalCode.None, default, "seeded", 1);
            var audit = new AuditEntry(command, key, "seeder", ActorRole.System, SeededAt, "Seed", "v0 → v1", null, 1, SeededAt + Duration.FromDays(1830));
            await store.SaveAsync(new ChangeSet(record, [new AggregateWrite(key, 0, new ContractState("seed", 1))], [audit], outbox, due), cancellationToken);
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SEEDED outbox={messages} timers={timers} changesets={changeSets} ms={watch.ElapsedMilliseconds}"));
        return 0;
    }

    private static async Task<int> WorkAsync(string connectionString, string owner, int workers, int deadlineSeconds)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var store = Open(dataSource);
        var clock = SystemClock.Instance;
        var deadline = TimeSpan.FromSeconds(deadlineSeconds);

        // Start together with the other processes, so the split measures claiming, not process start-up.
        var started = Stopwatch.StartNew();
        await using (var ready = dataSource.CreateCommand("INSERT INTO ready (owner) VALUES ($1) ON CONFLICT DO NOTHING"))
        {
            ready.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
            await ready.ExecuteNonQueryAsync();
        }

        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM ready"))
        {
            while ((long)(await count.ExecuteScalarAsync())! < workers)
            {
                if (started.Elapsed > deadline)
                {
                    await Console.Error.WriteLineAsync($"{owner}: the other workers were not ready within {deadlineSeconds} s.");
                    return 3;
                }

                await Task.Delay(5);
            }
        }

        var watch = Stopwatch.StartNew();
        deadline -= started.Elapsed;
        long messages = 0, timers = 0, duplicates = 0, lostClaims = 0;
        while (watch.Elapsed < deadline)
        {
            var now = clock.GetCurrentInstant();
            var envelopes = await store.ClaimOutboxAsync(owner, Batch, now, Lease);
            duplicates += await DeliverAsync(dataSource, owner, "outbox", envelopes.Select(e => "outbox:" + e.Message.IdempotencyKey).ToArray());
            foreach (var envelope in envelopes)
            {
                lostClaims += await store.CompleteOutboxAsync(envelope.Sequence, owner, now) ? 0 : 1;
            }

            var due = await store.ClaimDueTimersAsync(owner, Batch, now, Lease);
            duplicates += await DeliverAsync(dataSource, owner, "timer", due.Select(t => "timer:" + t.TimerId + "@" + InstantPattern.ExtendedIso.Format(t.DueAt)).ToArray());
            foreach (var timer in due)
            {
                lostClaims += await store.CompleteTimerAsync(timer, owner) ? 0 : 1;
            }

            messages += envelopes.Count;
            timers += due.Count;
            if (envelopes.Count == 0 && due.Count == 0)
            {
                // Nothing claimable: done when nothing is left, otherwise another host holds the rest under a lease.
                if ((await store.GetOutboxStatisticsAsync()).Pending == 0 && await store.CountTimersAsync() == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"RESULT owner={owner} outbox={messages} timers={timers} duplicates={duplicates} lost={lostClaims} ms={watch.ElapsedMilliseconds}"));
                    return 0;
                }

                await Task.Delay(20);
            }
        }

        await Console.Error.WriteLineAsync($"{owner}: work left after the {deadlineSeconds} s deadline.");
        return 2;
    }

    /// <summary>Inserts the effect rows; returns how many were already there (duplicate deliveries).</summary>
    private static async Task<long> DeliverAsync(NpgsqlDataSource dataSource, string owner, string kind, string[] keys)
    {
        if (keys.Length == 0)
        {
            return 0;
        }

        await using var insert = dataSource.CreateCommand("INSERT INTO effects (effect_key, owner, kind) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (effect_key) DO NOTHING");
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        return keys.Length - await insert.ExecuteNonQueryAsync();
    }

    public static string MessageKey(int n) => "m" + n.ToString("D6", CultureInfo.InvariantCulture);

    public static string TimerId(int n) => "t" + n.ToString("D6", CultureInfo.InvariantCulture);
}
