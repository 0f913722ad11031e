using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Persistence;
using EcomRules.Sqlite;
using EcomRules.Testing;
using Microsoft.Data.Sqlite;
using NodaTime;

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
