namespace EcomRules.PostgreSql.Internal;

/// <summary>The SQL the store runs, with its schema name filled in once. Parameters are positional.</summary>
internal sealed class PostgreSqlStatements
{
    /// <summary>Columns of an outbox envelope, in the order <c>PostgreSqlEcomStore.ReadEnvelope</c> reads them.</summary>
    private const string EnvelopeColumns = "seq, idempotency_key, event::text, created_at, attempts, last_error, available_at, dead_letter";

    internal PostgreSqlStatements(string schemaName)
    {
        var s = "\"" + schemaName + "\"";
        Schema = s;
        LoadAggregate = $"SELECT version, state::text FROM {s}.aggregates WHERE kind = $1 AND id = $2";
        FindCommand = $"SELECT fingerprint, target_kind, target_id, status, code, rule_id, reason, version FROM {s}.commands WHERE command_id = $1";
        ReadAudit = $"SELECT command_id, actor_id, actor_role, at, action, change, why, version, retain_until FROM {s}.audit WHERE target_kind = $1 AND target_id = $2 ORDER BY id";
        InsertCommand = $"INSERT INTO {s}.commands (command_id, fingerprint, target_kind, target_id, status, code, rule_id, reason, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        WriteAggregate = $"SELECT {s}.write_aggregate($1, $2, $3, $4::jsonb)";
        InsertAudit = $"INSERT INTO {s}.audit (command_id, target_kind, target_id, actor_id, actor_role, at, action, change, why, version, retain_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        InsertOutbox = $"INSERT INTO {s}.outbox (idempotency_key, event, created_at, available_at) VALUES ($1, $2::jsonb, $3, $3)";
        UpsertTimer = $"""
            INSERT INTO {s}.timers (timer_id, target_kind, target_id, kind, due_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (timer_id) DO UPDATE SET target_kind = excluded.target_kind, target_id = excluded.target_id,
                kind = excluded.kind, due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL
            """;
        DeleteTimer = $"DELETE FROM {s}.timers WHERE timer_id = $1";
        CurrentVersion = $"SELECT version FROM {s}.aggregates WHERE kind = $1 AND id = $2";

        // Claims: lock candidate rows without waiting for rows another host is claiming (SKIP LOCKED), then lease them.
        ClaimOutbox = $"""
            UPDATE {s}.outbox SET lease_owner = $1, lease_until = $2
            WHERE seq IN (
                SELECT seq FROM {s}.outbox
                WHERE delivered_at IS NULL AND NOT dead_letter AND available_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
                ORDER BY seq LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING {EnvelopeColumns}
            """;
        CompleteOutbox = $"UPDATE {s}.outbox SET delivered_at = $3, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND lease_owner = $2 AND delivered_at IS NULL";
        FailOutbox = $"""
            UPDATE {s}.outbox SET attempts = attempts + 1, last_error = $3, available_at = $4, dead_letter = $5, lease_owner = NULL, lease_until = NULL
            WHERE seq = $1 AND lease_owner = $2 AND delivered_at IS NULL
            """;
        ReadDeadLetters = $"SELECT {EnvelopeColumns} FROM {s}.outbox WHERE dead_letter AND delivered_at IS NULL ORDER BY seq LIMIT $1";
        RetryDeadLetter = $"UPDATE {s}.outbox SET dead_letter = false, attempts = 0, available_at = $2, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND dead_letter AND delivered_at IS NULL";
        OutboxStatistics = $"""
            SELECT count(*) FILTER (WHERE NOT dead_letter), count(*) FILTER (WHERE dead_letter), min(created_at) FILTER (WHERE NOT dead_letter)
            FROM {s}.outbox WHERE delivered_at IS NULL
            """;
        ClaimTimers = $"""
            UPDATE {s}.timers SET lease_owner = $1, lease_until = $2
            WHERE timer_id IN (
                SELECT timer_id FROM {s}.timers
                WHERE due_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
                ORDER BY due_at, timer_id LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING timer_id, target_kind, target_id, kind, due_at
            """;
        CompleteTimer = $"DELETE FROM {s}.timers WHERE timer_id = $1 AND due_at = $2 AND lease_owner = $3";
        CountTimers = $"SELECT count(*) FROM {s}.timers";
        PurgeAudit = $"DELETE FROM {s}.audit WHERE retain_until <= $1";
        CreateSchema = $"CREATE SCHEMA IF NOT EXISTS {s}; CREATE TABLE IF NOT EXISTS {s}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";
        ReadSchemaVersion = $"SELECT coalesce(max(version), 0) FROM {s}.schema_version";
        RecordSchemaVersion = $"INSERT INTO {s}.schema_version (version) VALUES ($1)";
    }

    internal string Schema { get; }

    internal string LoadAggregate { get; }

    internal string FindCommand { get; }

    internal string ReadAudit { get; }

    internal string InsertCommand { get; }

    internal string WriteAggregate { get; }

    internal string InsertAudit { get; }

    internal string InsertOutbox { get; }

    internal string UpsertTimer { get; }

    internal string DeleteTimer { get; }

    internal string CurrentVersion { get; }

    internal string ClaimOutbox { get; }

    internal string CompleteOutbox { get; }

    internal string FailOutbox { get; }

    internal string ReadDeadLetters { get; }

    internal string RetryDeadLetter { get; }

    internal string OutboxStatistics { get; }

    internal string ClaimTimers { get; }

    internal string CompleteTimer { get; }

    internal string CountTimers { get; }

    internal string PurgeAudit { get; }

    internal string CreateSchema { get; }

    internal string ReadSchemaVersion { get; }

    internal string RecordSchemaVersion { get; }
}
