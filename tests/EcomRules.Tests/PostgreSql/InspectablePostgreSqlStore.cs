using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.PostgreSql;
using EcomRules.Testing;
using NodaTime;
using Npgsql;

namespace EcomRules.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL store plus <see cref="IEcomStoreInspection"/> read straight from its tables, so the store contract
/// can see the outbox and the timers. A test-only wrapper: the shipped package does not depend on EcomRules.Testing.
/// </summary>
internal sealed class InspectablePostgreSqlStore(PostgreSqlEcomStore store, NpgsqlDataSource dataSource) : Testing.ForwardingStorePorts<PostgreSqlEcomStore>(store), IEcomStore, IEcomStoreInspection, IAsyncDisposable
{
    public PostgreSqlEcomStore Store => Inner;

    public static async Task<InspectablePostgreSqlStore> OpenAsync(string connectionString)
        => new(await PostgreSqlStores.OpenAsync(connectionString), NpgsqlDataSource.Create(connectionString));

    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => Inner.LoadAsync(key, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => Inner.FindCommandAsync(commandId, cancellationToken);

    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        => Inner.FindCommandAndLoadAsync(commandId, target, cancellationToken);

    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> FindCommandAndLoadManyAsync(
        CommandId commandId, AggregateKey target, IReadOnlyList<AggregateKey> others, CancellationToken cancellationToken = default)
        => Inner.FindCommandAndLoadManyAsync(commandId, target, others, cancellationToken);

    public ValueTask<IReadOnlyList<StoredAggregate>> LoadManyAsync(IReadOnlyList<AggregateKey> keys, CancellationToken cancellationToken = default)
        => Inner.LoadManyAsync(keys, cancellationToken);

    public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default) => Inner.SaveAsync(changes, cancellationToken);

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => Inner.ReadAuditAsync(key, cancellationToken);

    public ValueTask AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) => Inner.AppendAuditAsync(entries, cancellationToken);

    public async ValueTask<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq, idempotency_key, event::text, created_at, delivered_at IS NOT NULL FROM {Inner.SchemaName}.outbox ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredOutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new OutboxMessage(reader.GetString(1), PostgreSqlStores.Serializer.DeserializeEvent(reader.GetString(2)), Instant.FromDateTimeUtc(reader.GetDateTime(3)));
            messages.Add(new StoredOutboxMessage(reader.GetInt64(0), message, reader.GetBoolean(4)));
        }

        return messages;
    }

    public async ValueTask<IReadOnlyList<TimerRequest>> ReadTimersAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT timer_id, target_kind, target_id, kind, due_at FROM {Inner.SchemaName}.timers ORDER BY due_at, timer_id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var timers = new List<TimerRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            timers.Add(new TimerRequest(reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)), reader.GetString(3), Instant.FromDateTimeUtc(reader.GetDateTime(4))));
        }

        return timers;
    }

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
