using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Queues;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Sqlite;

/// <content>Staff work queues, each read with one indexed statement (schema version 2).</content>
public sealed partial class SqliteEcomStore : IWorkQueueStore
{
    // The literal kinds and states match the partial indexes' WHERE clauses, so SQLite can use them.
    internal const string RefundApprovalSql = """
        SELECT id, json_extract(json, '$.requestedAt') FROM aggregates
        WHERE kind = 'refund' AND json_extract(json, '$.state') = 'Requested'
          AND json_extract(json, '$.approverRole') = $role AND json_extract(json, '$.requestedBy') <> $actor
          AND (json_extract(json, '$.requestedAt'), id) > ($afterDue, $afterId)
        ORDER BY json_extract(json, '$.requestedAt'), id
        LIMIT $limit;
        """;

    internal const string ReturnsSql = """
        SELECT id, json_extract(json, '$.requestedAt') FROM aggregates
        WHERE kind = 'return' AND json_extract(json, '$.state') = $state
          AND (json_extract(json, '$.requestedAt'), id) > ($afterDue, $afterId)
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
        var after = query.After;
        var items = new List<WorkItem>(Math.Min(query.PageSize + 1, 64));
        if (query.TimerKind is { } timerKind)
        {
            var command = session.Command(Array.IndexOf(QueuedTimerKinds, timerKind) >= 0 ? TimersSql : UnindexedTimersSql);
            command.Parameters.AddWithValue("$kind", timerKind);
            command.Parameters.AddWithValue("$from", query.From?.ToUnixTimeTicks() ?? long.MinValue);
            command.Parameters.AddWithValue("$before", query.Before?.ToUnixTimeTicks() ?? long.MaxValue);
            command.Parameters.AddWithValue("$afterDue", after?.DueAt.ToUnixTimeTicks() ?? long.MinValue);
            command.Parameters.AddWithValue("$afterId", after?.Key.Id ?? string.Empty);
            command.Parameters.AddWithValue("$afterTimer", after is null ? string.Empty : after.TimerId);
            command.Parameters.AddWithValue("$limit", query.PageSize + 1);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                items.Add(WorkItem.ForTimer(query.Queue, new AggregateKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), Instant.FromUnixTimeTicks(reader.GetInt64(3))));
            }

            return items;
        }

        var (kind, state) = query.AwaitedState!.Value;
        var statement = session.Command(query.Queue == WorkQueue.RefundApproval ? RefundApprovalSql : ReturnsSql);
        if (query.Queue == WorkQueue.RefundApproval)
        {
            statement.Parameters.AddWithValue("$role", query.Role!.Value.Value);
            statement.Parameters.AddWithValue("$actor", query.ActorId!);
        }
        else
        {
            statement.Parameters.AddWithValue("$state", state);
        }

        // An empty string sorts before every ISO instant, so the first page has no lower bound.
        statement.Parameters.AddWithValue("$afterDue", after is null ? string.Empty : InstantPattern.ExtendedIso.Format(after.DueAt));
        statement.Parameters.AddWithValue("$afterId", after?.Key.Id ?? string.Empty);
        statement.Parameters.AddWithValue("$limit", query.PageSize + 1);
        using (var reader = statement.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(new WorkItem(query.Queue, new AggregateKey(kind, reader.GetString(0)), string.Empty, InstantPattern.ExtendedIso.Parse(reader.GetString(1)).Value));
            }
        }

        return items;
    }
}
