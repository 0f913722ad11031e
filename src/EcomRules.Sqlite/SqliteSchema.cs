using Microsoft.Data.Sqlite;

namespace EcomRules.Sqlite;

/// <summary>
/// The store's schema as an ordered list of migrations. A database records the last one applied in
/// <c>schema_version</c>; opening a store applies the missing ones in one transaction. Never edit a released step:
/// append a new one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The migrations, oldest first; index i migrates from version i to version i + 1.</summary>
    internal static readonly string[] Migrations =
    [
        // Version 1. Instants are UTC ticks since the Unix epoch (INTEGER), so they round-trip exactly.
        """
        CREATE TABLE aggregates (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version > 0),
            type TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;

        CREATE TABLE commands (
            command_id TEXT NOT NULL PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            target_kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            code INTEGER NOT NULL,
            rule_id TEXT NULL,
            reason TEXT NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- SEC-3: who, when, what, why. ORD-6: rows are only ever deleted by PurgeAuditAsync once retain_until has passed.
        -- SEC-1: no personal data; actor_id is a staff or system identifier, never a customer's name or number.
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            command_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            actor_role TEXT NOT NULL,
            at INTEGER NOT NULL,
            action TEXT NOT NULL,
            change TEXT NOT NULL,
            why TEXT NULL,
            version INTEGER NOT NULL,
            retain_until INTEGER NOT NULL
        );
        CREATE INDEX audit_by_aggregate ON audit (kind, id, seq);
        CREATE INDEX audit_by_retention ON audit (retain_until);

        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL UNIQUE,
            event_type TEXT NOT NULL,
            event_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            available_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            dead_letter INTEGER NOT NULL DEFAULT 0,
            delivered_at INTEGER NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL
        );
        CREATE INDEX outbox_pending ON outbox (available_at, seq) WHERE delivered_at IS NULL AND dead_letter = 0;
        CREATE INDEX outbox_dead_letters ON outbox (seq) WHERE dead_letter = 1;

        CREATE TABLE timers (
            timer_id TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            aggregate_kind TEXT NOT NULL,
            aggregate_id TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL
        ) WITHOUT ROWID;
        CREATE INDEX timers_due ON timers (due_at, timer_id);
        """,

        // Version 2. Staff work queues (IWorkQueueStore): refunds awaiting approval by role (REF-2), returns awaiting a
        // decision or inspection, each oldest request first; dispatch deadlines and SLA breaches by due instant. The
        // JSON paths are the serializer's field names, a stored format that does not change without a migration.
        """
        CREATE INDEX refunds_awaiting_approval ON aggregates (json_extract(json, '$.approverRole'), json_extract(json, '$.requestedAt'), id)
            WHERE kind = 'refund' AND json_extract(json, '$.state') = 'Requested';
        CREATE INDEX returns_awaiting ON aggregates (json_extract(json, '$.state'), json_extract(json, '$.requestedAt'), id)
            WHERE kind = 'return';
        CREATE INDEX timers_by_kind ON timers (kind, due_at, aggregate_id, timer_id);
        """,

        // Version 3. Fewer pages per command (issue 19). Aggregates move to a rowid table with a unique (kind, id) index:
        // in a WITHOUT ROWID table a row over about 1 KB (an order is about 1.2 KB) spills onto an overflow page of its
        // own, which every update rewrote and freed, so an order took 4.6 KB and three to four page writes; a rowid
        // table keeps rows up to about 4 KB on their leaf page, and an update rewrites that page alone. timers_by_kind
        // holds only the kinds a work queue lists (WorkQueueQuery.TimerKind): an order's six SLA warnings no longer
        // write six index pages. The statements that read it repeat its WHERE (SqliteEcomStore.QueuedTimerKinds).
        """
        CREATE TABLE aggregates_v3 (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version > 0),
            type TEXT NOT NULL,
            json TEXT NOT NULL
        );
        INSERT INTO aggregates_v3 (kind, id, version, type, json) SELECT kind, id, version, type, json FROM aggregates;
        DROP TABLE aggregates;
        ALTER TABLE aggregates_v3 RENAME TO aggregates;
        CREATE UNIQUE INDEX aggregates_key ON aggregates (kind, id);
        CREATE INDEX refunds_awaiting_approval ON aggregates (json_extract(json, '$.approverRole'), json_extract(json, '$.requestedAt'), id)
            WHERE kind = 'refund' AND json_extract(json, '$.state') = 'Requested';
        CREATE INDEX returns_awaiting ON aggregates (json_extract(json, '$.state'), json_extract(json, '$.requestedAt'), id)
            WHERE kind = 'return';
        DROP INDEX timers_by_kind;
        CREATE INDEX timers_by_kind ON timers (kind, due_at, aggregate_id, timer_id) WHERE kind IN ('dispatch-deadline', 'sla-breach');
        """,

        // Version 4. An outbox claim takes pending messages in seq order, which outbox_pending (available_at, seq)
        // could not give: SQLite scanned the table from its first row instead, past every delivered message not yet
        // purged (210,767 steps of its virtual machine to claim 50 messages behind 70,000 delivered ones; 617 with this
        // index). PostgreSQL's outbox_pending has been (seq) from its first version.
        """
        DROP INDEX outbox_pending;
        CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL AND dead_letter = 0;
        """,
    ];

    /// <summary>Gets the schema version this code writes.</summary>
    internal static int LatestVersion => Migrations.Length;

    /// <summary>Applies the missing migrations in one IMMEDIATE transaction; returns the version before.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the store.</exception>
    internal static async ValueTask<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        int current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database has schema version {current}, newer than this EcomRules.Sqlite ({LatestVersion}); upgrade the package.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations[version - 1] + "\nINSERT INTO schema_version (version) VALUES ($version);";
            step.Parameters.AddWithValue("$version", version);
            await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return current;
    }
}
