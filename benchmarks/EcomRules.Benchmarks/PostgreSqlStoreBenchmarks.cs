using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.PostgreSql;
using EcomRules.PostgreSql.TestSupport;
using NodaTime;
using Npgsql;

namespace EcomRules.Benchmarks;

/// <summary>
/// Commands per second through <see cref="EcomEngine"/> on <see cref="PostgreSqlEcomStore"/> over loopback (idempotency
/// look-up, load, decide, save of state + audit + outbox + timers in one transaction) against the floor any store
/// pays: a raw loop of single-row transactions on the same data source. Target: at least 50 % of the raw loop.
/// The server is a throwaway cluster started by <see cref="PostgreSqlCluster"/> (fsync off, for both).
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlStoreBenchmarks
{
    private static readonly Instant PlacedAt = new LocalDateTime(2026, 3, 4, 9, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
    private static readonly Actor Customer = new("buyer-1", ActorRole.Customer);
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-1", 2, new Money(50m))];

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private PostgreSqlCluster? _cluster;
    private NpgsqlDataSource? _dataSource;
    private PostgreSqlEcomStore? _store;
    private EcomEngine? _engine;
    private BuyerDetails? _buyer;
    private long _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        _dataSource = NpgsqlDataSource.Create(await _cluster.CreateDatabaseAsync("bench"));
        _store = new PostgreSqlEcomStore(new PostgreSqlStoreOptions { DataSource = _dataSource });
        await _store.MigrateAsync();
        _engine = new EcomEngine(_store, EcomPolicy.RetailPlatform);
        await using (var create = _dataSource.CreateCommand("CREATE TABLE raw_rows (id text PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var body = "110105" + "19900307" + "123";
        _buyer = new BuyerDetails
        {
            Kind = BuyerKind.Private,
            Name = "张三",
            ResidentId = body + ResidentIdNumber.ComputeCheckCharacter(body),
            Mobile = "13812345678",
            Province = "Zhejiang",
            City = "杭州市",
            District = "西湖区",
            Street = "文三路 100 号",
            PostalCode = "310012",
        };
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

    /// <summary>A <see cref="PlaceOrder"/> command through the engine: a new order each time.</summary>
    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    public async Task<Decision> EnginePlaceOrder()
    {
        var id = NextId();
        var decision = await _engine!.ExecuteAsync(new PlaceOrder(new CommandId("place-" + id), Customer, PlacedAt, new OrderId(id), _buyer!, Lines));
        return decision.IsAccepted ? decision : throw new InvalidOperationException(decision.ToString());
    }

    private string NextId() => _runId + "-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
