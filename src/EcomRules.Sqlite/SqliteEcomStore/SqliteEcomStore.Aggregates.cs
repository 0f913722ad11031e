using EcomRules.Commands;
using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <content>Aggregates and idempotency records: the engine's reads and the one-transaction save.</content>
public sealed partial class SqliteEcomStore
{
    private const string LoadSql = "SELECT version, json FROM aggregates WHERE kind = $kind AND id = $id;";
    private const string FindCommandSql = "SELECT fingerprint, target_kind, target_id, status, code, rule_id, reason, version FROM commands WHERE command_id = $id;";

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state cannot be read by the serializer.</exception>
    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(key, static (store, session, key) => store.Load(session, key), cancellationToken));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(commandId, static (_, session, commandId) => FindCommand(session, commandId), cancellationToken));

    /// <inheritdoc />
    /// <remarks>Both reads run on one open connection with compiled statements.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored state cannot be read by the serializer.</exception>
    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read((commandId, target), static (store, session, ids) => (FindCommand(session, ids.commandId), store.Load(session, ids.target)), cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set writes the same aggregate twice.</exception>
    /// <exception cref="NotSupportedException">A state or event type is unknown to the serializer; nothing was saved.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was saved.</exception>
    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writes = Serialize(changes);
        var events = new string[changes.Outbox.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = _serializer.SerializeEvent(changes.Outbox[i].Event);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = _writer ??= SqliteSession.Open(_connectionString, _pragmas);

            // BEGIN IMMEDIATE: take the write lock first, so the version checks below cannot be overtaken.
            session.Execute("BEGIN IMMEDIATE;");
            try
            {
                InsertRecord(session, changes.Record);
                for (var i = 0; i < writes.Length; i++)
                {
                    WriteAggregate(session, changes.Writes[i], writes[i]);
                }

                foreach (var audit in changes.Audit)
                {
                    InsertAudit(session, audit);
                }

                if (events.Length > 0)
                {
                    InsertOutbox(session, changes.Outbox, events);
                }

                if (changes.Timers.Count > 0)
                {
                    WriteTimers(session, changes.Timers);
                }

                // Last chance to cancel; once the commit starts it completes (a cancelled save commits nothing).
                cancellationToken.ThrowIfCancellationRequested();
                session.Execute("COMMIT;");
            }
            catch
            {
                Rollback(session);
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private (string Type, string Json)[] Serialize(ChangeSet changes)
    {
        var writes = new (string Type, string Json)[changes.Writes.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            var write = changes.Writes[i];
            for (var j = 0; j < i; j++)
            {
                if (changes.Writes[j].Key == write.Key)
                {
                    throw new ArgumentException($"The change set writes {write.Key} twice.", nameof(changes));
                }
            }

            writes[i] = (write.State.GetType().Name, _serializer.SerializeAggregate(write.State));
        }

        return writes;
    }

    private static void InsertRecord(SqliteSession session, IdempotencyRecord record)
    {
        var command = session.Command("""
            INSERT INTO commands (command_id, fingerprint, target_kind, target_id, status, code, rule_id, reason, version)
            VALUES ($id, $fingerprint, $kind, $target, $status, $code, $rule, $reason, $version)
            ON CONFLICT (command_id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$id", record.CommandId.Value);
        command.Parameters.AddWithValue("$fingerprint", record.Fingerprint);
        command.Parameters.AddWithValue("$kind", record.Target.Kind);
        command.Parameters.AddWithValue("$target", record.Target.Id);
        command.Parameters.AddWithValue("$status", (int)record.Status);
        command.Parameters.AddWithValue("$code", (int)record.Code);
        command.Parameters.AddWithValue("$rule", record.RuleId.Value.Length == 0 ? DBNull.Value : record.RuleId.Value);
        command.Parameters.AddWithValue("$reason", record.Reason);
        command.Parameters.AddWithValue("$version", record.Version);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new DuplicateCommandException(record.CommandId);
        }
    }

    private static void WriteAggregate(SqliteSession session, AggregateWrite write, (string Type, string Json) state)
    {
        var command = session.Command(write.ExpectedVersion == 0
            ? "INSERT INTO aggregates (kind, id, version, type, json) VALUES ($kind, $id, 1, $type, $json) ON CONFLICT (kind, id) DO NOTHING;"
            : "UPDATE aggregates SET version = $version, type = $type, json = $json WHERE kind = $kind AND id = $id AND version = $expected;");
        command.Parameters.AddWithValue("$kind", write.Key.Kind);
        command.Parameters.AddWithValue("$id", write.Key.Id);
        command.Parameters.AddWithValue("$type", state.Type);
        command.Parameters.AddWithValue("$json", state.Json);
        command.Parameters.AddWithValue("$version", write.NewVersion);
        command.Parameters.AddWithValue("$expected", write.ExpectedVersion);
        if (command.ExecuteNonQuery() == 1)
        {
            return;
        }

        var actual = session.Command("SELECT coalesce((SELECT version FROM aggregates WHERE kind = $kind AND id = $id), 0);");
        actual.Parameters.AddWithValue("$kind", write.Key.Kind);
        actual.Parameters.AddWithValue("$id", write.Key.Id);
        var version = (long)actual.ExecuteScalar()!;
        throw new ConcurrencyConflictException(write.Key, write.ExpectedVersion, version);
    }

    private void Rollback(SqliteSession session)
    {
        try
        {
            session.Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (an I/O or busy error ends the transaction); nothing is committed either way.
            // The connection may be unusable: close it; the next save opens a fresh one (the caller holds _writeLock).
            _writer = null;
            session.Dispose();
        }
    }

    private StoredAggregate? Load(SqliteSession session, AggregateKey key)
    {
        var command = session.Command(LoadSql);
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        long version;
        string json;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            version = reader.GetInt64(0);
            json = reader.GetString(1);
        }

        return new StoredAggregate(key, version, _serializer.DeserializeAggregate(json));
    }

    private static IdempotencyRecord? FindCommand(SqliteSession session, CommandId commandId)
    {
        var command = session.Command(FindCommandSql);
        command.Parameters.AddWithValue("$id", commandId.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new IdempotencyRecord(commandId, reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)),
            (DecisionStatus)reader.GetInt32(3), (RefusalCode)reader.GetInt32(4),
            reader.IsDBNull(5) ? default : new RuleId(reader.GetString(5)), reader.GetString(6), reader.GetInt64(7));
    }
}
