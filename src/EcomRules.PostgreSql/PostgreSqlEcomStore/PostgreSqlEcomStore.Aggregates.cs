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
        var (record, stored, _) = await ReadAsync(commandId, target, [], cancellationToken).ConfigureAwait(false);
        return (record, stored);
    }

    /// <inheritdoc />
    /// <remarks>One round trip: the record and target statement and the <see cref="LoadManyAsync"/> statement in one
    /// prepared batch.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="others"/> is null.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored state is not one the serializer knows.</exception>
    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> FindCommandAndLoadManyAsync(
        CommandId commandId, AggregateKey target, IReadOnlyList<AggregateKey> others, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(others);
        return ReadAsync(commandId, target, others, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One round trip: one prepared statement looks every key up in the primary key.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored state is not one the serializer knows.</exception>
    public async ValueTask<IReadOnlyList<StoredAggregate>> LoadManyAsync(IReadOnlyList<AggregateKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0 ? [] : (await ReadAsync(null, default, keys, cancellationToken).ConfigureAwait(false)).Others;
    }

    /// <summary>
    /// The reads of a command in one prepared batch and one round trip: the record of <paramref name="commandId"/> and
    /// <paramref name="target"/> (when a command ID is given), then every key of <paramref name="others"/> (when any).
    /// </summary>
    private async ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> ReadAsync(
        CommandId? commandId, AggregateKey target, IReadOnlyList<AggregateKey> others, CancellationToken cancellationToken)
    {
        IdempotencyRecord? record = null;
        (long Version, string Json)? stored = null;
        List<(int Index, long Version, string Json)>? rows = null;
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new NpgsqlBatch(rented.Connection);
            await using (batch.ConfigureAwait(false))
            {
                if (commandId is { } id)
                {
                    var find = new NpgsqlBatchCommand(_sql.FindCommandAndLoad);
                    find.Parameters.Add(Text(id.Value));
                    find.Parameters.Add(Text(target.Kind));
                    find.Parameters.Add(Text(target.Id));
                    batch.BatchCommands.Add(find);
                }

                if (others.Count > 0)
                {
                    var kinds = new string[others.Count];
                    var ids = new string[others.Count];
                    for (var i = 0; i < kinds.Length; i++)
                    {
                        kinds[i] = others[i].Kind;
                        ids[i] = others[i].Id;
                    }

                    var load = new NpgsqlBatchCommand(_sql.LoadMany);
                    load.Parameters.Add(TextArray(kinds));
                    load.Parameters.Add(TextArray(ids));
                    batch.BatchCommands.Add(load);
                }

                // Prepared once per physical connection (a no-op afterwards).
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (commandId is { } found)
                    {
                        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        record = reader.IsDBNull(0) ? null : ReadRecord(reader, found);
                        stored = reader.IsDBNull(RecordColumnCount) ? null : (reader.GetInt64(RecordColumnCount), reader.GetString(RecordColumnCount + 1));
                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    }

                    while (others.Count > 0 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        (rows ??= []).Add(((int)reader.GetInt64(0) - 1, reader.GetInt64(1), reader.GetString(2)));
                    }
                }
            }
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }

        var loaded = new List<StoredAggregate>(rows?.Count ?? 0);
        foreach (var (index, version, json) in rows ?? [])
        {
            // A key listed twice is loaded once, at its first position.
            if (loaded.FindIndex(l => l.Key == others[index]) < 0)
            {
                loaded.Add(new StoredAggregate(others[index], version, _serializer.DeserializeAggregate(json)));
            }
        }

        return (record, stored is { } s ? new StoredAggregate(target, s.Version, _serializer.DeserializeAggregate(s.Json)) : null, loaded);
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
