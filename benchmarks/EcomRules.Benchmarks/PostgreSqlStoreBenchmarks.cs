using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.TestSupport;
using EcomRules.Testing;
using NodaTime;
using Npgsql;

namespace EcomRules.Benchmarks;

/// <summary>
/// Commands per second through <see cref="EcomEngine"/> on <see cref="PostgreSqlEcomStore"/> over loopback against
/// the floor any store pays. Target: the engine reaches at least 50 % of the baseline's throughput. The server is a
/// throwaway cluster started by <see cref="PostgreSqlCluster"/> (durable: fsync, synchronous_commit and full_page_writes on, as in production, for both); both sides use the same
/// <see cref="NpgsqlDataSource"/> (pooled connections, default settings).
/// <list type="bullet">
/// <item><b>Baseline</b> (<see cref="RawSingleRowTransaction"/>): open a pooled connection; <c>BEGIN</c>; one
/// <c>INSERT</c> of a short text row; <c>COMMIT</c> (two round trips: Npgsql sends <c>BEGIN</c> with the insert).</item>
/// <item><b>Engine</b> (<see cref="EnginePayOrder"/>): one <see cref="PayOrder"/> on an existing, placed order (the
/// orders are placed through the engine in an untimed <c>[IterationSetup]</c>, one per invocation): the idempotency
/// look-up, the load of the order (JSON, deserialized), the decision (dispatch date, deadline, SLA-1..3), and one
/// transaction with the idempotency record, the order (JSON, version checked), an audit entry, one outbox message
/// (<c>OrderPaid</c>) and four timers (three SLA timers and the dispatch deadline).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
[BenchmarkCategory("PostgreSql")]
public class PostgreSqlStoreBenchmarks
{
    // 256 commits of a few milliseconds each make an iteration of about a second: enough per measurement, and the CI
    // run (3 warm-up and 3 measured iterations, each after an untimed set-up of as many orders) stays short.
    private const int Invocations = 256;
    private static readonly Instant PlacedAt = new LocalDateTime(2026, 3, 4, 9, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
    private static readonly Actor Customer = new("buyer-1", ActorRole.Customer);
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-1", 2, new Money(50m))];

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private PostgreSqlCluster? _cluster;
    private NpgsqlDataSource? _dataSource;
    private PostgreSqlEcomStore? _store;
    private EcomEngine? _engine;
    private BuyerDetails? _buyer;
    private readonly Queue<(OrderId Order, Money Total)> _placed = new();
    private long _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync(durable: true);
        _dataSource = NpgsqlDataSource.Create(await _cluster.CreateDatabaseAsync("bench"));
        _store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { DataSource = _dataSource });
        await _store.MigrateAsync();
        _engine = new EcomEngine(_store, EcomPolicy.RetailPlatform);
        await using (var create = _dataSource.CreateCommand("CREATE TABLE raw_rows (id text PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        _buyer = SampleBuyers.Private();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>BEGIN; INSERT one row; COMMIT — what any durable write costs on this server and connection.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.Ci)]
    public async Task RawSingleRowTransaction()
    {
        await using var connection = await _dataSource!.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO raw_rows (id, payload) VALUES ($1, $2)", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = NextId() });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "{\"state\":\"Placed\",\"total\":100.00}" });
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Places the orders the next iteration pays (not measured).</summary>
    [IterationSetup(Target = nameof(EnginePayOrder))]
    public void PlaceOrders()
    {
        while (_placed.Count < Invocations)
        {
            var id = NextId();
            var decision = _engine!.ExecuteAsync(new PlaceOrder(new CommandId("place-" + id), Customer, PlacedAt, new OrderId(id), _buyer!, Lines)).AsTask().GetAwaiter().GetResult();
            _placed.Enqueue((new OrderId(id), decision.IsAccepted ? ((Order)decision.State!).Total : throw new InvalidOperationException(decision.ToString())));
        }
    }

    /// <summary>One <see cref="PayOrder"/> through the engine: idempotency check, load, decide, save (one transaction).</summary>
    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    public async Task<Decision> EnginePayOrder()
    {
        var (order, total) = _placed.Dequeue();
        var decision = await _engine!.ExecuteAsync(new PayOrder(new CommandId("pay-" + order.Value), Actor.System, PlacedAt, order, total));
        return decision.IsAccepted ? decision : throw new InvalidOperationException(decision.ToString());
    }

    private string NextId() => _runId + "-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
