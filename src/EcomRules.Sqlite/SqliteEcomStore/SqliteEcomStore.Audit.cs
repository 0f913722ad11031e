using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Sqlite;

/// <content>The audit trail (SEC-3): writing, reading and purging entries.</content>
public sealed partial class SqliteEcomStore
{
    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT command_id, actor_id, actor_role, at, action, change, why, version, retain_until
                FROM audit WHERE kind = $kind AND id = $id ORDER BY seq;
                """;
            command.Parameters.AddWithValue("$kind", key.Kind);
            command.Parameters.AddWithValue("$id", key.Id);
            var entries = new List<AuditEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(new CommandId(reader.GetString(0)), key, reader.GetString(1), new ActorRole(reader.GetString(2)),
                    Instant.FromUnixTimeTicks(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), Instant.FromUnixTimeTicks(reader.GetInt64(8))));
            }

            return entries;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was stored.</exception>
    public async ValueTask AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var session = Writer();
            session.Execute("BEGIN IMMEDIATE;");
            try
            {
                foreach (var entry in entries)
                {
                    InsertAudit(session, entry);
                }

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

    /// <summary>
    /// Deletes the audit entries whose retention has passed (<see cref="AuditEntry.RetainUntil"/> ≤ <paramref name="now"/>).
    /// ORD-6 sets the floor (5 years by default); whether and when to purge is the operator's retention policy
    /// (SEC-1: kept no longer than required) — the store never deletes audit entries on its own.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the purge; a cancelled purge deletes nothing.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<long> PurgeAuditAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM audit WHERE retain_until <= $now;";
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void InsertAudit(SqliteSession session, AuditEntry audit)
    {
        var command = session.Command("""
            INSERT INTO audit (command_id, kind, id, actor_id, actor_role, at, action, change, why, version, retain_until)
            VALUES ($command, $kind, $id, $actor, $role, $at, $action, $change, $why, $version, $retain);
            """);
        command.Parameters.AddWithValue("$command", audit.CommandId.Value);
        command.Parameters.AddWithValue("$kind", audit.Target.Kind);
        command.Parameters.AddWithValue("$id", audit.Target.Id);
        command.Parameters.AddWithValue("$actor", audit.ActorId);
        command.Parameters.AddWithValue("$role", audit.ActorRole.Value);
        command.Parameters.AddWithValue("$at", audit.At.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$action", audit.Action);
        command.Parameters.AddWithValue("$change", audit.Change);
        command.Parameters.AddWithValue("$why", (object?)audit.Why ?? DBNull.Value);
        command.Parameters.AddWithValue("$version", audit.Version);
        command.Parameters.AddWithValue("$retain", audit.RetainUntil.ToUnixTimeTicks());
        command.ExecuteNonQuery();
    }
}
