using EcomRules.Commands;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcomRules.PostgreSql;

/// <content>The audit trail (SEC-3): writing, reading and purging entries.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.ReadAudit);
        command.Parameters.Add(Text(key.Kind));
        command.Parameters.Add(Text(key.Id));
        var entries = new List<AuditEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(
                    new CommandId(reader.GetString(0)),
                    key,
                    reader.GetString(1),
                    new ActorRole(reader.GetString(2)),
                    ReadInstant(reader, 3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(7),
                    ReadInstant(reader, 8)));
            }
        }

        return entries;
    }

    /// <summary>
    /// Deletes the audit entries whose retention has ended (<see cref="AuditEntry.RetainUntil"/> at or before
    /// <paramref name="now"/>, ORD-6). Audit entries are deleted by nothing else.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">Cancels the purge; a cancelled purge deletes nothing.</param>
    /// <returns>How many entries were deleted.</returns>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<long> PurgeAuditAsync(Instant now, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.PurgeAudit);
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddAudit(NpgsqlParameterCollection parameters, IReadOnlyList<AuditEntry> audit)
    {
        var count = audit.Count;
        var commandIds = new string[count];
        var targetKinds = new string[count];
        var targetIds = new string[count];
        var actorIds = new string[count];
        var actorRoles = new string[count];
        var ats = new DateTime[count];
        var actions = new string[count];
        var changes = new string[count];
        var whys = new string?[count];
        var versions = new long[count];
        var retainUntils = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var entry = audit[i];
            commandIds[i] = entry.CommandId.Value;
            targetKinds[i] = entry.Target.Kind;
            targetIds[i] = entry.Target.Id;
            actorIds[i] = entry.ActorId;
            actorRoles[i] = entry.ActorRole.Value;
            ats[i] = entry.At.ToDateTimeUtc();
            actions[i] = entry.Action;
            changes[i] = entry.Change;
            whys[i] = entry.Why;
            versions[i] = entry.Version;
            retainUntils[i] = entry.RetainUntil.ToDateTimeUtc();
        }

        parameters.Add(TextArray(commandIds));
        parameters.Add(TextArray(targetKinds));
        parameters.Add(TextArray(targetIds));
        parameters.Add(TextArray(actorIds));
        parameters.Add(TextArray(actorRoles));
        parameters.Add(TimestampArray(ats));
        parameters.Add(TextArray(actions));
        parameters.Add(TextArray(changes));
        parameters.Add(TextArray(whys));
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        parameters.Add(TimestampArray(retainUntils));
    }
}
