using System.Data;
using EcomRules.Commands;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>Aggregates and idempotency records: the engine's reads.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state is not one the serializer knows.</exception>
    public async ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        long version;
        string json;
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.LoadAggregate, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(key.Kind));
                command.Parameters.Add(Text(key.Id));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    version = reader.GetInt64(0);
                    json = reader.GetString(1);
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }

        return new StoredAggregate(key, version, _serializer.DeserializeAggregate(json));
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.FindCommand, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(commandId.Value));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRecord(reader, commandId) : null;
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>One round trip: one prepared statement joins the record and the target (one row whatever exists).</remarks>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state is not one the serializer knows.</exception>
    public async ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
    {
        IdempotencyRecord? record = null;
        long version = 0;
        string? json = null;
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = new NpgsqlCommand(_sql.FindCommandAndLoad, rented.Connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text(commandId.Value));
                command.Parameters.Add(Text(target.Kind));
                command.Parameters.Add(Text(target.Id));
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (!reader.IsDBNull(0))
                    {
                        record = ReadRecord(reader, commandId);
                    }

                    if (!reader.IsDBNull(RecordColumnCount))
                    {
                        version = reader.GetInt64(RecordColumnCount);
                        json = reader.GetString(RecordColumnCount + 1);
                    }
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }

        return (record, json is null ? null : new StoredAggregate(target, version, _serializer.DeserializeAggregate(json)));
    }

    /// <summary>The number of columns <see cref="ReadRecord"/> reads.</summary>
    private const int RecordColumnCount = 8;

    private static IdempotencyRecord ReadRecord(NpgsqlDataReader reader, CommandId commandId)
        => new(
            commandId,
            reader.GetString(0),
            new AggregateKey(reader.GetString(1), reader.GetString(2)),
            (DecisionStatus)reader.GetInt16(3),
            (RefusalCode)reader.GetInt16(4),
            reader.IsDBNull(5) ? default : new RuleId(reader.GetString(5)),
            reader.GetString(6),
            reader.GetInt64(7));
}
