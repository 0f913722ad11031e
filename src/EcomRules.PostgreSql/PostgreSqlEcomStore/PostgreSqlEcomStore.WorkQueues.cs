using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Queues;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>Staff work queues, each read with one indexed statement (schema version 3).</content>
public sealed partial class PostgreSqlEcomStore : IWorkQueueStore
{
    // Window bounds for a query without one: far outside any business instant, inside what timestamptz holds.
    private static readonly Instant Earliest = Instant.FromUtc(1000, 1, 1, 0, 0);
    private static readonly Instant Latest = Instant.FromUtc(9000, 1, 1, 0, 0);

    /// <summary>
    /// The timer kinds the partial index <c>timers_by_kind</c> holds (migration 4): those a work queue lists
    /// (<see cref="WorkQueueQuery.TimerKind"/>; a test checks they agree). An order's SLA warnings are left out.
    /// </summary>
    internal static readonly string[] QueuedTimerKinds = ["dispatch-deadline", "sla-breach"];

    /// <inheritdoc />
    /// <remarks>Ordered as <see cref="WorkQueueQuery.Compare"/> says; request instants compare as stored (ISO-8601 text), which
    /// orders them exactly except for requests within one second of each other with fractions of a second.</remarks>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<WorkQueuePage> ReadWorkQueueAsync(WorkQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = QueueStatement("\"" + SchemaName + "\"", query);
        using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        var items = new List<WorkItem>(Math.Min(query.PageSize + 1, 64));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(query.TimerKind is null
                    ? new WorkItem(query.Queue, new AggregateKey(query.AwaitedState!.Value.Kind, reader.GetString(0)), string.Empty, InstantPattern.ExtendedIso.Parse(reader.GetString(1)).Value)
                    : WorkItem.ForTimer(query.Queue, new AggregateKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), ReadInstant(reader, 3)));
            }
        }

        return query.ToPage(items);
    }

    /// <summary>The statement that reads one page of a queue (its page size plus one), with its parameters.</summary>
    /// <param name="schema">The schema's name, quoted.</param>
    /// <param name="query">The query.</param>
    internal static (string Sql, NpgsqlParameter[] Parameters) QueueStatement(string schema, WorkQueueQuery query)
    {
        var after = query.After;
        if (query.TimerKind is { } timerKind)
        {
            return (TimerQueueSql(schema, Array.IndexOf(QueuedTimerKinds, timerKind) >= 0),
            [
                Text(timerKind), Timestamp(CeilingMicrosecond(query.From ?? Earliest)), Timestamp(CeilingMicrosecond(query.Before ?? Latest)),
                Timestamp(after?.DueAt ?? Earliest), Text(after?.Key.Id ?? string.Empty), Text(after is null ? string.Empty : after.TimerId),
                Value(query.PageSize + 1),
            ]);
        }

        // An empty string sorts before every ISO instant, so the first page has no lower bound.
        NpgsqlParameter[] page = [Text(after is null ? string.Empty : InstantPattern.ExtendedIso.Format(after.DueAt)), Text(after?.Key.Id ?? string.Empty), Value(query.PageSize + 1)];
        return query.Queue == WorkQueue.RefundApproval
            ? (AggregateQueueSql(schema, refunds: true), [.. page, Text(query.Role!.Value.Value), Text(query.ActorId!)])
            : (AggregateQueueSql(schema, refunds: false), [.. page, Text(query.AwaitedState!.Value.State)]);
    }

    /// <summary>
    /// The statement that reads a timer queue: $1 the timer kind, $2 and $3 the window, $4 to $6 the last item of the
    /// previous page (due instant, target ID, timer ID), $7 the limit. For a kind <c>timers_by_kind</c> holds, an IN
    /// term repeats the partial index's WHERE, so a generic plan uses it too; another kind is read without it.
    /// </summary>
    internal static string TimerQueueSql(string schema, bool indexed) => $"""
        SELECT target_kind, target_id, timer_id, due_at FROM {schema}.timers
        WHERE kind = $1 {(indexed ? "AND kind IN ('dispatch-deadline', 'sla-breach') " : string.Empty)}AND due_at >= $2 AND due_at < $3
          AND (due_at, target_id COLLATE "C", timer_id COLLATE "C") > ($4, $5, $6)
        ORDER BY due_at, target_id COLLATE "C", timer_id COLLATE "C"
        LIMIT $7
        """;

    /// <summary>
    /// The statement that reads refunds awaiting approval ($4 the approver's role, $5 the reading actor, whose own
    /// requests are left out: REF-3) or returns in a state ($4), oldest request first: $1 and $2 the last item of the
    /// previous page (request instant, ID), $3 the limit. The literal kinds and states match the partial indexes'
    /// WHERE clauses, so the planner can use them.
    /// </summary>
    internal static string AggregateQueueSql(string schema, bool refunds) => $"""
        SELECT id, state->>'requestedAt' FROM {schema}.aggregates
        WHERE {(refunds
            ? "kind = 'refund' AND state->>'state' = 'Requested' AND state->>'approverRole' = $4 AND state->>'requestedBy' <> $5"
            : "kind = 'return' AND state->>'state' = $4")}
          AND ((state->>'requestedAt') COLLATE "C", id COLLATE "C") > ($1, $2)
        ORDER BY (state->>'requestedAt') COLLATE "C", id COLLATE "C"
        LIMIT $3
        """;
}
