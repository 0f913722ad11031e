namespace EcomRules.PostgreSql.Internal;

/// <summary>
/// The store's schema as ordered migrations. A migration is never edited once released; a change is a new one. The
/// logical schema (aggregates, commands, audit, outbox, timers, schema_version) matches the SQLite adapter's.
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>Gets the migrations of a schema, in order; version N is element N - 1.</summary>
    internal static string[] For(string schema) =>
    [
        // 1: the tables, their indexes, and the aggregate write that raises a version conflict inside the batch.
        $"""
        CREATE TABLE "{schema}".aggregates (
            kind        text        NOT NULL,
            id          text        NOT NULL,
            version     bigint      NOT NULL CHECK (version > 0),
            state       jsonb       NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (kind, id)
        );
        CREATE TABLE "{schema}".commands (
            command_id   text        PRIMARY KEY,
            fingerprint  text        NOT NULL,
            target_kind  text        NOT NULL,
            target_id    text        NOT NULL,
            status       smallint    NOT NULL,
            code         smallint    NOT NULL,
            rule_id      text        NULL,
            reason       text        NOT NULL,
            version      bigint      NOT NULL,
            recorded_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE "{schema}".audit (
            id            bigserial   PRIMARY KEY,
            command_id    text        NOT NULL,
            target_kind   text        NOT NULL,
            target_id     text        NOT NULL,
            actor_id      text        NOT NULL,
            actor_role    text        NOT NULL,
            at            timestamptz NOT NULL,
            action        text        NOT NULL,
            change        text        NOT NULL,
            why           text        NULL,
            version       bigint      NOT NULL,
            retain_until  timestamptz NOT NULL
        );
        CREATE INDEX audit_by_target ON "{schema}".audit (target_kind, target_id, id);
        CREATE INDEX audit_by_retention ON "{schema}".audit (retain_until);
        CREATE TABLE "{schema}".outbox (
            seq              bigserial   PRIMARY KEY,
            idempotency_key  text        NOT NULL UNIQUE,
            event            jsonb       NOT NULL,
            created_at       timestamptz NOT NULL,
            available_at     timestamptz NOT NULL,
            attempts         integer     NOT NULL DEFAULT 0,
            last_error       text        NULL,
            dead_letter      boolean     NOT NULL DEFAULT false,
            delivered_at     timestamptz NULL,
            lease_owner      text        NULL,
            lease_until      timestamptz NULL
        );
        CREATE INDEX outbox_pending ON "{schema}".outbox (seq) WHERE delivered_at IS NULL AND NOT dead_letter;
        CREATE INDEX outbox_dead_letters ON "{schema}".outbox (seq) WHERE dead_letter AND delivered_at IS NULL;
        CREATE TABLE "{schema}".timers (
            timer_id     text        PRIMARY KEY,
            target_kind  text        NOT NULL,
            target_id    text        NOT NULL,
            kind         text        NOT NULL,
            due_at       timestamptz NOT NULL,
            lease_owner  text        NULL,
            lease_until  timestamptz NULL
        );
        CREATE INDEX timers_due ON "{schema}".timers (due_at, timer_id);
        CREATE FUNCTION "{schema}".write_aggregate(p_kind text, p_id text, p_expected bigint, p_state jsonb)
        RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            actual bigint;
        BEGIN
            IF p_expected = 0 THEN
                INSERT INTO "{schema}".aggregates (kind, id, version, state, updated_at)
                VALUES (p_kind, p_id, 1, p_state, now())
                ON CONFLICT (kind, id) DO NOTHING;
            ELSE
                UPDATE "{schema}".aggregates SET version = p_expected + 1, state = p_state, updated_at = now()
                WHERE kind = p_kind AND id = p_id AND version = p_expected;
            END IF;
            IF NOT FOUND THEN
                SELECT version INTO actual FROM "{schema}".aggregates WHERE kind = p_kind AND id = p_id;
                -- The message is '<actual version> <kind>/<id>': Npgsql redacts DETAIL unless error details are enabled.
                RAISE EXCEPTION USING ERRCODE = '{PostgreSqlErrors.VersionConflict}',
                    MESSAGE = coalesce(actual, 0)::text || ' ' || p_kind || '/' || p_id;
            END IF;
        END
        $$;
        """,

        // 2: states and events as json rather than jsonb: the text the serializer wrote is kept as it is (validated,
        // not parsed into jsonb on every save and printed back on every load), and is smaller. Aggregates leave a third
        // of each page free, so a save's new version usually fits beside the old one (a HOT update: no index entry;
        // until version 3, see there). The store writes aggregates with plain statements since this version;
        // write_aggregate stays, so a host of the previous release still writes correctly. The column changes rewrite
        // the aggregates and outbox tables under an exclusive lock: on a large database, run this upgrade in a
        // maintenance window (stop the hosts, start one to migrate), as the README says.
        $"""
        ALTER TABLE "{schema}".aggregates ALTER COLUMN state TYPE json USING state::json, SET (fillfactor = 70);
        ALTER TABLE "{schema}".outbox ALTER COLUMN event TYPE json USING event::json;
        """,

        // 3: staff work queues (IWorkQueueStore), as SQLite's version 2: refunds awaiting approval by role (REF-2),
        // returns awaiting a decision or inspection, each oldest request first; dispatch deadlines and SLA breaches by
        // due instant. Text sorts byte-wise (COLLATE "C") whatever the database's collation, as the other stores order
        // it. The JSON field names are the serializer's, a stored format. Building the indexes reads the aggregates
        // table once. Their keys and predicates read state, which every save changes, so since this version no
        // aggregate update is HOT (0 of 14,165 in a load run): version 2's fillfactor still keeps a new row version on
        // its page, but every update writes a primary-key entry. Stored generated columns in their place (null for
        // aggregates no queue lists) made updates HOT again but measured no faster in the load benchmark (64 clients:
        // 2,869 and 2,844 commands/s against 2,854 and 3,264, alternating), and adding them rewrites the table, so the
        // indexes stay as they are (issue 19).
        $"""
        CREATE INDEX refunds_awaiting_approval ON "{schema}".aggregates ((state->>'approverRole'), (state->>'requestedAt') COLLATE "C", id COLLATE "C")
            WHERE kind = 'refund' AND state->>'state' = 'Requested';
        CREATE INDEX returns_awaiting ON "{schema}".aggregates ((state->>'state'), (state->>'requestedAt') COLLATE "C", id COLLATE "C")
            WHERE kind = 'return';
        CREATE INDEX timers_by_kind ON "{schema}".timers (kind, due_at, target_id COLLATE "C", timer_id COLLATE "C");
        """,

        // 4: timers_by_kind holds only the timer kinds a work queue lists (PostgreSqlEcomStore.QueuedTimerKinds), as
        // SQLite's version 3 does: an order's SLA warning timers, most of its timer rows, no longer write an entry of it
        // (issue 19: the timer upserts were most of a paid order's save on the server). The work-queue statement repeats
        // the WHERE, so the planner uses the index with a generic plan too.
        $"""
        DROP INDEX "{schema}".timers_by_kind;
        CREATE INDEX timers_by_kind ON "{schema}".timers (kind, due_at, target_id COLLATE "C", timer_id COLLATE "C")
            WHERE kind IN ('dispatch-deadline', 'sla-breach');
        """,

        // 5: timers_due orders timer IDs byte-wise (COLLATE "C"), as ListTimersAsync and the claims ask. In the
        // database's collation it could serve neither order: every page of ListTimersAsync sorted the timers due at its
        // first instant, and a page inside a group of timers due at one instant (a working-time SLA gives every order
        // placed overnight the same one) read the group again from its start. Building the index reads the timers table
        // once and blocks writes to it meanwhile.
        $"""
        DROP INDEX "{schema}".timers_due;
        CREATE INDEX timers_due ON "{schema}".timers (due_at, timer_id COLLATE "C");
        """,
    ];
}
