using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Persistence;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;
using SQLitePCL;

namespace EcomRules.Tests.Sqlite;

/// <summary>A database file in its own temporary directory, deleted (with its WAL) on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _directory;

    public SqliteTestDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ecomrules-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        FilePath = Path.Combine(_directory, "store.db");
    }

    /// <summary>The serializer for the store contract's own state and event types.</summary>
    public static EcomSerializer ContractSerializer { get; } = EcomSerializer.Default
        .WithAggregate<ContractState>("contract-state",
            static s => Json([s.Name, s.Counter.ToString(CultureInfo.InvariantCulture)]),
            static json => Parse(json) is [var name, var counter] ? new ContractState(name, int.Parse(counter, CultureInfo.InvariantCulture)) : throw new JsonException("bad state"))
        .WithEvent<ContractEvent>("contract-event",
            static e => Json([e.Source.Kind, e.Source.Id, e.At.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), e.Note]),
            static json => Parse(json) is [var kind, var id, var at, var note]
                ? new ContractEvent(new AggregateKey(kind, id), Instant.FromUnixTimeTicks(long.Parse(at, CultureInfo.InvariantCulture)), note)
                : throw new JsonException("bad event"));

    public string FilePath { get; }

    public SqliteStoreOptions Options => new() { DataSource = FilePath };

    public SqliteEcomStore Open(EcomSerializer? serializer = null)
        => SqliteEcomStore.OpenAsync(Options, serializer ?? ContractSerializer).AsTask().GetAwaiter().GetResult();

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Saves <paramref name="count"/> SLA breaches, one per order <c>o-00000</c>…: the first <paramref name="tied"/> all
    /// due at <paramref name="start"/>, each other one <see cref="BreachDue"/>.
    /// </summary>
    public async Task SeedSlaBreachesAsync(int count, Instant start, int tied = 0)
    {
        await using var store = Open();
        var timers = Enumerable.Range(0, count)
            .Select(i => new TimerRequest(new AggregateKey("order", BreachOrder(i)), "SLA-1", "sla-breach", BreachDue(start, i, tied)))
            .ToArray();
        await store.SaveAsync(new ChangeSet(new IdempotencyRecord(new CommandId("seed"), "fp", new AggregateKey("order", "o-00000"), DecisionStatus.Accepted, RefusalCode.None, default, "test", 0), [], [], [], timers));
    }

    /// <summary>The order of seeded breach <paramref name="i"/>.</summary>
    public static string BreachOrder(int i) => "o-" + i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>When seeded breach <paramref name="i"/> is due: at the start when it is one of the tied ones, else <paramref name="i"/> seconds later.</summary>
    public static Instant BreachDue(Instant start, int i, int tied) => i < tied ? start : start + Duration.FromSeconds(i);

    /// <summary>
    /// Runs one of the store's statements to the end and returns the steps of SQLite's virtual machine it took
    /// (<c>sqlite3_stmt_status</c>: the work it did, which a timer cannot measure reliably) and its rows.
    /// </summary>
    public (int Steps, int Rows) Run((string Sql, (string Name, object Value)[] Parameters) statement)
    {
        using var connection = Connect();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, statement.Sql, out sqlite3_stmt prepared));
        using (prepared)
        {
            foreach (var (name, value) in statement.Parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(prepared, name);
                Assert.Equal(raw.SQLITE_OK, value switch
                {
                    long number => raw.sqlite3_bind_int64(prepared, index, number),
                    int number => raw.sqlite3_bind_int(prepared, index, number),
                    string text => raw.sqlite3_bind_text(prepared, index, text),
                    _ => throw new ArgumentException("Unexpected parameter type " + value.GetType().Name, nameof(statement)),
                });
            }

            var rows = 0;
            int rc;
            while ((rc = raw.sqlite3_step(prepared)) == raw.SQLITE_ROW)
            {
                rows++;
            }

            Assert.Equal(raw.SQLITE_DONE, rc);
            return (raw.sqlite3_stmt_status(prepared, raw.SQLITE_STMTSTATUS_VM_STEP, 0), rows);
        }
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle of another test may still be closing; the OS temp directory cleans up eventually.
        }
    }

    private static string Json(string[] values) => JsonSerializer.Serialize(values, SqliteTestJsonContext.Default.StringArray);

    private static string[] Parse(string json) => JsonSerializer.Deserialize(json, SqliteTestJsonContext.Default.StringArray) ?? [];
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteTestJsonContext : JsonSerializerContext;
