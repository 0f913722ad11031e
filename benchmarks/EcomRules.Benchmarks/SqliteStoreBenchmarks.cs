using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Benchmarks;

/// <summary>
/// Commands per second through <see cref="EcomEngine"/> on <see cref="SqliteEcomStore"/> against the floor of what
/// SQLite can do. Target: the engine reaches at least 50 % of the baseline's throughput. Both sides use a file in the
/// same temp directory with the production pragmas (<c>journal_mode=WAL</c>, <c>synchronous=FULL</c> — the store's default:
/// an accepted command survives a power loss —,
/// <c>busy_timeout</c>, <c>foreign_keys=ON</c>, <c>wal_autocheckpoint=10000</c>).
/// <list type="bullet">
/// <item><b>Baseline</b> (<see cref="RawSingleRowTransaction"/>): on one open connection with prepared statements,
/// <c>BEGIN IMMEDIATE</c>; one <c>INSERT</c> of a short text row; <c>COMMIT</c>.</item>
/// <item><b>Engine</b> (<see cref="EnginePayOrder"/>): one <see cref="PayOrder"/> on an existing, placed order (the
/// orders are placed through the engine in an untimed <c>[IterationSetup]</c>, one per invocation): the idempotency
/// look-up, the load of the order (JSON, deserialized), the decision (dispatch date, deadline, SLA-1..3), and one
/// transaction with the idempotency record, the order (JSON, version checked), an audit entry, one outbox message
/// (<c>OrderPaid</c>) and four timers (three SLA timers and the dispatch deadline).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
[BenchmarkCategory(Categories.Ci, "Sqlite")]
public class SqliteStoreBenchmarks
{
    // 256 commits of a few milliseconds each make an iteration of about a second: enough per measurement, and the CI
    // run (3 warm-up and 3 measured iterations, each after an untimed set-up of as many orders) stays short.
    private const int Invocations = 256;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);
    private static readonly Actor Buyer = new("buyer", ActorRole.Customer);
    private readonly Queue<(OrderId Order, Money Total)> _placed = new();
    private string _directory = string.Empty;
    private EcomEngine _engine = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _insert = null!;
    private SqliteCommand _begin = null!;
    private SqliteCommand _commit = null!;
    private BuyerDetails _buyer = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomrules-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var store = SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = Path.Combine(_directory, "engine.db") }).AsTask().GetAwaiter().GetResult();
        _engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        _buyer = SampleBuyers.Private();

        var raw = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "raw.db"), Pooling = true }.ToString();
        _raw = new SqliteConnection(raw);
        _raw.Open();
        using (var setup = _raw.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }

        _begin = Command("BEGIN IMMEDIATE;");
        _commit = Command("COMMIT;");
        _insert = Command("INSERT INTO rows (payload) VALUES ($payload);");
        _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Prepare();
    }

    /// <summary>Places the orders the next iteration pays (not measured).</summary>
    [IterationSetup(Target = nameof(EnginePayOrder))]
    public void PlaceOrders()
    {
        while (_placed.Count < Invocations)
        {
            var id = new OrderId("o-" + Next());
            var decision = Run(new PlaceOrder(new CommandId("place-" + id.Value), Buyer, T0, id, _buyer, [new OrderLine("SKU-1", 1, new Money(40m))]));
            _placed.Enqueue((id, ((Order)decision.State!).Total));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _insert.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _raw.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>BEGIN IMMEDIATE; one single-row INSERT; COMMIT — on an open connection, statements prepared.</summary>
    [Benchmark(Baseline = true)]
    public int RawSingleRowTransaction()
    {
        _begin.ExecuteNonQuery();
        _insert.Parameters[0].Value = "row " + Next();
        var rows = _insert.ExecuteNonQuery();
        _commit.ExecuteNonQuery();
        return rows;
    }

    /// <summary>One <see cref="PayOrder"/> through the engine: idempotency check, load, decide, save (one transaction).</summary>
    [Benchmark]
    public Decision EnginePayOrder()
    {
        var (order, total) = _placed.Dequeue();
        return Run(new PayOrder(new CommandId("pay-" + order.Value), Actor.System, T0, order, total));
    }

    private string Next() => (++_next).ToString(CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql)
    {
        var command = _raw.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private Decision Run(EcomCommand command)
    {
        var decision = _engine.ExecuteAsync(command).AsTask().GetAwaiter().GetResult();
        return decision.IsAccepted ? decision : throw new InvalidOperationException(decision.ToString());
    }

}
