using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Queues;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Sqlite;

/// <content>Staff work queues, each read with one indexed statement (schema version 2).</content>
public sealed partial class SqliteEcomStore : IWorkQueueStore
{
    // The literal kinds and states match the partial indexes' WHERE clauses, so SQLite can use them. A row value on
    // these expression columns bounds no index range, so each statement also bounds the request instant from below by
    // the previous page's last one (implied by the row value): a later page starts at the first request made at that
    // instant, not at the queue's first entry.
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

    // The IN term repeats the index's WHERE, which is how SQLite knows the partial index holds every row asked for.
    private const string Indexed = "kind IN ('dispatch-deadline', 'sla-breach') AND ";

    private const string TimersWindow = """
        due_at < $before AND (due_at, aggregate_id, timer_id) > ($afterDue, $afterId, $afterTimer)
        ORDER BY due_at, aggregate_id, timer_id
        LIMIT $limit;
        """;

    // The first page's range starts at the window's lower bound. On a later page the unary + keeps SQLite from taking
    // that bound as the range and reading the index from it, page after page: the keyset's row value is the range, so
    // a page starts where the last one ended, among timers due at one instant too.
    private const string FirstPage = "due_at >= $from AND ";
    private const string LaterPage = "+due_at >= $from AND ";

    private const string IndexedFirstPageSql = TimersSelect + Indexed + FirstPage + TimersWindow;
    private const string IndexedLaterPageSql = TimersSelect + Indexed + LaterPage + TimersWindow;

    // A kind no index holds: correct, and read through timers_due, whose range is the lower bound (raised to the last
    // page's due instant on a later page).
    private const string UnindexedSql = TimersSelect + FirstPage + TimersWindow;

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
        Bind(command, parameters);

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
            var from = query.From?.ToUnixTimeTicks() ?? long.MinValue;
            var indexed = Array.IndexOf(QueuedTimerKinds, timerKind) >= 0;
            if (!indexed && after is not null)
            {
                from = Math.Max(from, after.DueAt.ToUnixTimeTicks());
            }

            return (indexed ? (after is null ? IndexedFirstPageSql : IndexedLaterPageSql) : UnindexedSql,
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
