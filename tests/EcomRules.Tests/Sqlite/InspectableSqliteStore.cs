using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Sqlite;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

/// <summary>
/// The test-only wrapper the store contract needs: <see cref="SqliteEcomStore"/> by delegation, plus
/// <see cref="IEcomStoreInspection"/> read straight from the tables (the production package does not depend on
/// EcomRules.Testing).
/// </summary>
internal sealed class InspectableSqliteStore(SqliteEcomStore store, SqliteTestDatabase database) : Testing.ForwardingStorePorts<SqliteEcomStore>(store), IEcomStore, IEcomStoreInspection
{
    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => Inner.LoadAsync(key, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => Inner.FindCommandAsync(commandId, cancellationToken);

    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        => Inner.FindCommandAndLoadAsync(commandId, target, cancellationToken);

    public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default) => Inner.SaveAsync(changes, cancellationToken);

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => Inner.ReadAuditAsync(key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, key, event_json, created_at, delivered_at FROM outbox ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var messages = new List<StoredOutboxMessage>();
        while (reader.Read())
        {
            var message = new OutboxMessage(reader.GetString(1), SqliteTestDatabase.ContractSerializer.DeserializeEvent(reader.GetString(2)), Instant.FromUnixTimeTicks(reader.GetInt64(3)));
            messages.Add(new StoredOutboxMessage(reader.GetInt64(0), message, !reader.IsDBNull(4)));
        }

        return new(messages);
    }

    public ValueTask<IReadOnlyList<TimerRequest>> ReadTimersAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT timer_id, aggregate_kind, aggregate_id, kind, due_at FROM timers ORDER BY due_at, timer_id;";
        using var reader = command.ExecuteReader();
        var timers = new List<TimerRequest>();
        while (reader.Read())
        {
            timers.Add(new TimerRequest(reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)), reader.GetString(3), Instant.FromUnixTimeTicks(reader.GetInt64(4))));
        }

        return new(timers);
    }
}
