using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Shipping;
using EcomRules.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Benchmarks;

/// <summary>
/// Commands per second through <see cref="EcomEngine"/> on <see cref="SqliteEcomStore"/> (a file in a temp directory,
/// production pragmas: WAL, synchronous=NORMAL), against the floor of what SQLite can do: a raw loop committing one
/// single-row transaction per operation on one open connection with the same pragmas. Target: the engine reaches
/// at least 50 % of the raw loop's throughput. Each engine command is a tracking event on a shipped order: the
/// idempotency look-up, the load (JSON), the decision, and one transaction with the command record, the order
/// (JSON, version checked), an audit entry and an outbox message.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.Ci, "Sqlite")]
public class SqliteStoreBenchmarks
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 4, 1, 0);
    private string _directory = string.Empty;
    private EcomEngine _engine = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _insert = null!;
    private SqliteCommand _begin = null!;
    private SqliteCommand _commit = null!;
    private OrderId _order;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomrules-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var store = SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = Path.Combine(_directory, "engine.db") }).AsTask().GetAwaiter().GetResult();
        _engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        _order = new OrderId("bench");
        var total = ((Order)Run(new PlaceOrder(new("place"), new Actor("buyer", ActorRole.Customer), T0, _order, Buyer(), [new OrderLine("SKU-1", 1, new Money(40m))])).State!).Total;
        Run(new PayOrder(new("pay"), Actor.System, T0, _order, total));
        Run(new ConfirmOrder(new("confirm"), Actor.System, T0, _order));
        Run(new AllocateStock(new("allocate"), Actor.System, T0, _order, "DN"));
        Run(new RecordInvoice(new("invoice"), Actor.System, T0, _order, "INV-1", total));
        Run(new RecordShipment(new("ship"), Actor.System, T0, _order, new CarrierId("sf"), "SF1"));

        var raw = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "raw.db"), Pooling = true }.ToString();
        _raw = new SqliteConnection(raw);
        _raw.Open();
        using (var setup = _raw.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }

        _begin = Command("BEGIN IMMEDIATE;");
        _commit = Command("COMMIT;");
        _insert = Command("INSERT INTO rows (payload) VALUES ($payload);");
        _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Prepare();
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

    /// <summary>One single-row transaction on an open connection: the most SQLite commits per second can be.</summary>
    [Benchmark(Baseline = true)]
    public int RawSingleRowTransaction()
    {
        _begin.ExecuteNonQuery();
        _insert.Parameters[0].Value = "row " + (++_next).ToString(CultureInfo.InvariantCulture);
        var rows = _insert.ExecuteNonQuery();
        _commit.ExecuteNonQuery();
        return rows;
    }

    /// <summary>One command through the engine: idempotency check, load, decide, save (one transaction).</summary>
    [Benchmark]
    public Decision EngineCommand()
        => _engine.ExecuteAsync(new RecordTrackingEvent(new CommandId("track-" + (++_next).ToString(CultureInfo.InvariantCulture)), Actor.System, T0, _order, TrackingEventKind.InTransit))
            .AsTask().GetAwaiter().GetResult();

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

    private static BuyerDetails Buyer()
    {
        const string Body = "11010519900307123";
        return new BuyerDetails
        {
            Kind = BuyerKind.Private,
            Name = "张三",
            ResidentId = Body + ResidentIdNumber.ComputeCheckCharacter(Body),
            Mobile = "13812345678",
            Province = "Zhejiang",
            City = "杭州市",
            District = "西湖区",
            Street = "文三路 100 号",
            PostalCode = "310012",
        };
    }
}
