using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Queues;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Sqlite;

/// <content>Staff work queues, each read with one indexed statement (schema version 2).</content>
public sealed partial class SqliteEcomStore : IWorkQueueStore
{
    // The literal kinds and states match the partial indexes' WHERE clauses, so SQLite can use them. SQLite bounds no
    // index range with a row-value comparison on these expression columns, so each statement also bounds the request
    // instant from below by the previous page's last one (implied by the comparison): without it, every page read
    // the queue's index from its first entry.
    internal const string RefundApprovalSql = """
        SELECT id, json_extract(json, '$.requestedAt') FROM aggregates
        WHERE kind = 'refund' AND json_extract(json, '$.state') = 'Requested'
          AND json_extract(json, '$.approverRole') = $role AND json_extract(json, '$.requestedBy') <> $actor
          AND json_extract(json, '$.requestedAt') >= $afterDue AND (json_extract(json, '$.requestedAt'), id) > ($afterDue, $afterId)
        ORDER BY json_extract(json, '$.requestedAt'), id
        LIMIT $limit;
        """;

    internal const string ReturnsSql = """
        SELECT id, json_extract(json, '$.requestedAt') FROM aggregates
        WHERE kind = 'return' AND json_extract(json, '$.state') = $state
          AND json_extract(json, '$.requestedAt') >= $afterDue AND (json_extract(json, '$.requestedAt'), id) > ($afterDue, $afterId)
        ORDER BY json_extract(json, '$.requestedAt'), id
        LIMIT $limit;
        """;

    /// <summary>
    /// The timer kinds the partial index <c>timers_by_kind</c> holds (schema version 3): those a work queue lists
    /// (<see cref="WorkQueueQuery.TimerKind"/>; a test checks they agree). Other kinds (an order's SLA warnings) are
    /// left out, so saving them writes no page of it.
    /// </summary>
    internal static readonly string[] QueuedTimerKinds = ["dispatch-deadline", "sla-breach"];

    private const string TimersSelect = "SELECT aggregate_kind, aggregate_id, timer_id, due_at FROM timers WHERE kind = $kind AND ";
    private const string TimersWindow = """
        due_at >= $from AND due_at < $before
          AND (due_at, aggregate_id, timer_id) > ($afterDue, $afterId, $afterTimer)
        ORDER BY due_at, aggregate_id, timer_id
        LIMIT $limit;
        """;

    // The IN term repeats the index's WHERE, which is how SQLite knows the partial index holds every row asked for.
    internal const string TimersSql = TimersSelect + "kind IN ('dispatch-deadline', 'sla-breach') AND " + TimersWindow;

    // A kind no index holds: correct, and read through timers_due.
    private const string UnindexedTimersSql = TimersSelect + TimersWindow;

    /// <inheritdoc />
    /// <remarks>Ordered as <see cref="WorkQueueQuery.Compare"/> says; request instants compare as stored (ISO-8601 text), which
    /// orders them exactly except for requests within one second of each other with fractions of a second.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<WorkQueuePage> ReadWorkQueueAsync(WorkQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(query.ToPage(Read(query, static (_, session, q) => ReadQueue(session, q), cancellationToken)));
    }

    private static List<WorkItem> ReadQueue(SqliteSession session, WorkQueueQuery query)
    {
        var (sql, parameters) = QueueStatement(query);
        var command = session.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var items = new List<WorkItem>(Math.Min(query.PageSize + 1, 64));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(query.TimerKind is null
                ? new WorkItem(query.Queue, new AggregateKey(query.AwaitedState!.Value.Kind, reader.GetString(0)), string.Empty, InstantPattern.ExtendedIso.Parse(reader.GetString(1)).Value)
                : WorkItem.ForTimer(query.Queue, new AggregateKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), Instant.FromUnixTimeTicks(reader.GetInt64(3))));
        }

        return items;
    }

    /// <summary>The statement that reads one page of a queue (its page size plus one), with its parameters.</summary>
    internal static (string Sql, (string Name, object Value)[] Parameters) QueueStatement(WorkQueueQuery query)
    {
        var after = query.After;
        if (query.TimerKind is { } timerKind)
        {
            // The row-value comparison bounds no index range in SQLite: the window's lower bound does, so it is raised
            // to the previous page's last due instant (which the comparison implies), or every page would read the
            // index from the window's start.
            var from = query.From?.ToUnixTimeTicks() ?? long.MinValue;
            if (after is not null)
            {
                from = Math.Max(from, after.DueAt.ToUnixTimeTicks());
            }

            return (Array.IndexOf(QueuedTimerKinds, timerKind) >= 0 ? TimersSql : UnindexedTimersSql,
            [
                ("$kind", timerKind), ("$from", from), ("$before", query.Before?.ToUnixTimeTicks() ?? long.MaxValue),
                ("$afterDue", after?.DueAt.ToUnixTimeTicks() ?? long.MinValue), ("$afterId", after?.Key.Id ?? string.Empty),
                ("$afterTimer", after is null ? string.Empty : after.TimerId), ("$limit", query.PageSize + 1),
            ]);
        }

        // An empty string sorts before every ISO instant, so the first page has no lower bound.
        (string, object) afterDue = ("$afterDue", after is null ? string.Empty : InstantPattern.ExtendedIso.Format(after.DueAt));
        (string, object) afterId = ("$afterId", after?.Key.Id ?? string.Empty);
        (string, object) limit = ("$limit", query.PageSize + 1);
        return query.Queue == WorkQueue.RefundApproval
            ? (RefundApprovalSql, [("$role", query.Role!.Value.Value), ("$actor", query.ActorId!), afterDue, afterId, limit])
            : (ReturnsSql, [("$state", query.AwaitedState!.Value.State), afterDue, afterId, limit]);
    }
}
