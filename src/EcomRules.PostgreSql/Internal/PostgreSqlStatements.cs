namespace EcomRules.PostgreSql.Internal;

/// <summary>The SQL the store runs, with its schema name filled in once. Parameters are positional.</summary>
internal sealed class PostgreSqlStatements
{
    private readonly string[] _writeRest;
    private readonly string[] _saveOne;

    /// <summary>Columns of an outbox envelope, in the order <c>PostgreSqlEcomStore.ReadEnvelope</c> reads them.</summary>
    /// <summary>Columns of an idempotency record, in the order <c>PostgreSqlEcomStore.ReadRecord</c> reads them.</summary>
    private const string CommandColumns = "c.fingerprint, c.target_kind, c.target_id, c.status, c.code, c.rule_id, c.reason, c.version";

    private const string EnvelopeColumns = "seq, idempotency_key, event::text, created_at, attempts, last_error, available_at, dead_letter";

    internal PostgreSqlStatements(string schemaName)
    {
        var s = "\"" + schemaName + "\"";
        Schema = s;
        LoadAggregate = $"SELECT version, state::text FROM {s}.aggregates WHERE kind = $1 AND id = $2";
        FindCommand = $"SELECT {CommandColumns} FROM {s}.commands AS c WHERE command_id = $1";

        // One row whatever exists: the record's columns (null when the command is new), then the target's version and state.
        FindCommandAndLoad = $"""
            SELECT {CommandColumns}, a.version, a.state::text
            FROM (SELECT) AS one
            LEFT JOIN {s}.commands AS c ON c.command_id = $1
            LEFT JOIN {s}.aggregates AS a ON a.kind = $2 AND a.id = $3
            """;
        // Position (from 1), version and state of each key that exists, in key order; an index look-up per key (the
        // LIMIT keeps the planner from turning the lateral subquery into a join that could scan the table).
        LoadMany = $"""
            SELECT k.n, a.version, a.state::text
            FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(kind, id, n)
            CROSS JOIN LATERAL (SELECT version, state FROM {s}.aggregates WHERE kind = k.kind AND id = k.id LIMIT 1) AS a
            ORDER BY k.n
            """;
        ReadAudit = $"SELECT command_id, actor_id, actor_role, at, action, change, why, version, retain_until FROM {s}.audit WHERE target_kind = $1 AND target_id = $2 ORDER BY id";
        InsertCommand = $"INSERT INTO {s}.commands (command_id, fingerprint, target_kind, target_id, status, code, rule_id, reason, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        // A version conflict is a row with version -1, which the CHECK (version > 0) refuses: a new aggregate (expected
        // version 0) that exists already fails on the primary key instead. Either error rolls the whole batch back.
        InsertAggregate = $"INSERT INTO {s}.aggregates (kind, id, version, state, updated_at) VALUES ($1, $2, 1, $3::json, now())";
        UpdateAggregate = $"""
            WITH updated AS (
                UPDATE {s}.aggregates SET version = $3 + 1, state = $4::json, updated_at = now()
                WHERE kind = $1 AND id = $2 AND version = $3
                RETURNING 1)
            INSERT INTO {s}.aggregates (kind, id, version, state, updated_at)
            SELECT $1, $2, -1, $4::json, now() WHERE NOT EXISTS (SELECT FROM updated)
            """;
        _writeRest = new string[(int)RestParts.All + 1];
        _saveOne = new string[3 * ((int)RestParts.All + 1)];
        for (var parts = RestParts.None; parts <= RestParts.All; parts++)
        {
            if (parts != RestParts.None)
            {
                _writeRest[(int)parts] = BuildWriteRest(s, parts);
            }

            for (var write = SingleWrite.None; write <= SingleWrite.Update; write++)
            {
                _saveOne[((int)write * ((int)RestParts.All + 1)) + (int)parts] = BuildSaveOne(s, write, parts);
            }
        }

        CurrentVersion = $"SELECT version FROM {s}.aggregates WHERE kind = $1 AND id = $2";

        // Claims: lock candidate rows without waiting for rows another host is claiming (SKIP LOCKED), then lease them.
        // Timers in timers_due's order (migration 5: timer IDs byte-wise, as the other stores and the claim's result).
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
                ORDER BY due_at, timer_id COLLATE "C" LIMIT $4
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

    internal string FindCommandAndLoad { get; }

    internal string LoadMany { get; }

    internal string InsertAggregate { get; }

    internal string UpdateAggregate { get; }

    /// <summary>
    /// The rest of a change set in one statement: the parts it has (audit entries, outbox messages, timers to
    /// schedule, timers to cancel), each column an array parameter, numbered in that order of parts.
    /// </summary>
    /// <param name="parts">The parts the change set has; not <see cref="RestParts.None"/>.</param>
    /// <returns>The statement.</returns>
    internal string WriteRest(RestParts parts) => _writeRest[(int)parts];

    /// <summary>
    /// A whole change set that writes at most one aggregate, in one statement. Parameters: the command record
    /// ($1..$9, as <see cref="InsertCommand"/>), then the aggregate (kind, id, state for a new one; kind, id, expected
    /// version, state for an update), then the parts as <see cref="WriteRest"/> numbers them.
    /// </summary>
    /// <param name="write">The aggregate write.</param>
    /// <param name="parts">The other parts the change set has.</param>
    /// <returns>The statement.</returns>
    internal string SaveOne(SingleWrite write, RestParts parts) => _saveOne[((int)write * ((int)RestParts.All + 1)) + (int)parts];

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

    // Audit ids and outbox sequence numbers follow list order. A part a change set lacks is left out rather than given
    // empty arrays: each part costs an executor node, its table and its indexes even when it writes nothing. Timer
    // IDs to schedule and to cancel are distinct (a statement touches a row once). With a gate, every part also waits
    // for the command row (WHERE EXISTS (SELECT FROM command)): the record is written first, so a duplicate command
    // fails as one, whatever else the statement would have found.
    private static List<string> RestStatements(string s, RestParts parts, int lastParameter, bool gated)
    {
        var statements = new List<string>(4);
        var n = lastParameter;
        string P(string type) => "$" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture) + "::" + type + "[]";
        var where = gated ? "WHERE EXISTS (SELECT FROM command)\n" : string.Empty;
        if (parts.HasFlag(RestParts.Audit))
        {
            statements.Add($"""
                INSERT INTO {s}.audit (command_id, target_kind, target_id, actor_id, actor_role, at, action, change, why, version, retain_until)
                SELECT e.command_id, e.target_kind, e.target_id, e.actor_id, e.actor_role, e.at, e.action, e.change, e.why, e.version, e.retain_until
                FROM unnest({P("text")}, {P("text")}, {P("text")}, {P("text")}, {P("text")}, {P("timestamptz")}, {P("text")}, {P("text")}, {P("text")}, {P("bigint")}, {P("timestamptz")})
                    WITH ORDINALITY AS e(command_id, target_kind, target_id, actor_id, actor_role, at, action, change, why, version, retain_until, n)
                {where}ORDER BY e.n
                """);
        }

        if (parts.HasFlag(RestParts.Outbox))
        {
            statements.Add($"""
                INSERT INTO {s}.outbox (idempotency_key, event, created_at, available_at)
                SELECT m.key, m.event::json, m.created_at, m.created_at
                FROM unnest({P("text")}, {P("text")}, {P("timestamptz")}) WITH ORDINALITY AS m(key, event, created_at, n)
                {where}ORDER BY m.n
                """);
        }

        if (parts.HasFlag(RestParts.ScheduleTimers))
        {
            statements.Add($"""
                INSERT INTO {s}.timers (timer_id, target_kind, target_id, kind, due_at)
                SELECT * FROM unnest({P("text")}, {P("text")}, {P("text")}, {P("text")}, {P("timestamptz")})
                {where}ON CONFLICT (timer_id) DO UPDATE SET target_kind = excluded.target_kind, target_id = excluded.target_id,
                    kind = excluded.kind, due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL
                """);
        }

        if (parts.HasFlag(RestParts.CancelTimers))
        {
            statements.Add($"DELETE FROM {s}.timers WHERE timer_id = ANY({P("text")})" + (gated ? " AND EXISTS (SELECT FROM command)" : string.Empty));
        }

        return statements;
    }

    private static string BuildWriteRest(string s, RestParts parts)
    {
        // The last part is the statement; the others run as data-modifying WITH queries of it.
        var statements = RestStatements(s, parts, 0, gated: false);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < statements.Count - 1; i++)
        {
            text.Append(i == 0 ? "WITH " : ",\n").Append("part").Append(i).Append(" AS (\n").Append(statements[i]).Append(')');
        }

        return text.Append(statements.Count > 1 ? "\n" : string.Empty).Append(statements[^1]).ToString();
    }

    // A change set with at most one aggregate in one statement. The command row comes first (the main query reads it,
    // and every other part is gated on it); an update that finds another version (or no row) falls through to an
    // insert of version -1, which the CHECK (version > 0) refuses; a new aggregate that exists fails on the key.
    private static string BuildSaveOne(string s, SingleWrite write, RestParts parts)
    {
        var text = new System.Text.StringBuilder($"""
            WITH command AS (
                INSERT INTO {s}.commands (command_id, fingerprint, target_kind, target_id, status, code, rule_id, reason, version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                RETURNING 1)
            """);
        var last = 9;
        if (write == SingleWrite.Insert)
        {
            text.Append($"""
                ,
                aggregate AS (
                    INSERT INTO {s}.aggregates (kind, id, version, state, updated_at)
                    SELECT $10, $11, 1, $12::json, now() WHERE EXISTS (SELECT FROM command))
                """);
            last = 12;
        }
        else if (write == SingleWrite.Update)
        {
            text.Append($"""
                ,
                updated AS (
                    UPDATE {s}.aggregates SET version = $12 + 1, state = $13::json, updated_at = now()
                    WHERE kind = $10 AND id = $11 AND version = $12 AND EXISTS (SELECT FROM command)
                    RETURNING 1),
                conflict AS (
                    INSERT INTO {s}.aggregates (kind, id, version, state, updated_at)
                    SELECT $10, $11, -1, $13::json, now() WHERE NOT EXISTS (SELECT FROM updated))
                """);
            last = 13;
        }

        var statements = RestStatements(s, parts, last, gated: true);
        for (var i = 0; i < statements.Count; i++)
        {
            text.Append(",\npart").Append(i).Append(" AS (\n").Append(statements[i]).Append(')');
        }

        return text.Append("\nSELECT FROM command").ToString();
    }
}

/// <summary>The aggregate write of a change set that writes at most one, as <see cref="PostgreSqlStatements.SaveOne"/> writes it.</summary>
internal enum SingleWrite
{
    /// <summary>No aggregate (a refusal, or a change set of timers or messages only).</summary>
    None = 0,

    /// <summary>A new aggregate (expected version 0).</summary>
    Insert = 1,

    /// <summary>An existing aggregate at its expected version.</summary>
    Update = 2,
}

/// <summary>The parts of a change set besides its command and aggregates, as <see cref="PostgreSqlStatements.WriteRest"/> writes them.</summary>
[Flags]
internal enum RestParts
{
    /// <summary>Nothing: no statement.</summary>
    None = 0,

    /// <summary>Audit entries.</summary>
    Audit = 1,

    /// <summary>Outbox messages.</summary>
    Outbox = 2,

    /// <summary>Timers to schedule or move.</summary>
    ScheduleTimers = 4,

    /// <summary>Timers to cancel.</summary>
    CancelTimers = 8,

    /// <summary>Every part.</summary>
    All = Audit | Outbox | ScheduleTimers | CancelTimers,
}
