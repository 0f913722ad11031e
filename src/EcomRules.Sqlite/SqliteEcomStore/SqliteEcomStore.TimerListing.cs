using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Sqlite;

public sealed partial class SqliteEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            (command.CommandText, var parameters) = ListTimersStatement(dueFrom, max, after);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var listed = new List<DueTimer>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                listed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(2), reader.GetString(3)), reader.GetString(1),
                    Instant.FromUnixTimeTicks(reader.GetInt64(4))));
            }

            return listed;
        }
    }

    /// <summary>The statement that lists a page of timers, with its parameters.</summary>
    internal static (string Sql, (string Name, object Value)[] Parameters) ListTimersStatement(Instant dueFrom, int max, DueTimer? after)
    {
        // timers_due (due_at, timer_id) serves the range and the order; SQLite compares text by bytes (ordinal). The
        // row-value comparison bounds no index range here, so the range starts at the later of dueFrom and the previous
        // page's last due instant (which the comparison implies): a page starts where the last one ended.
        var from = after is not null && after.DueAt > dueFrom ? after.DueAt : dueFrom;
        return ("""
            SELECT timer_id, kind, aggregate_kind, aggregate_id, due_at FROM timers
            WHERE due_at >= $from AND (due_at, timer_id) > ($afterDue, $afterId)
            ORDER BY due_at, timer_id LIMIT $max;
            """,
            [("$from", from.ToUnixTimeTicks()), ("$afterDue", after?.DueAt.ToUnixTimeTicks() ?? long.MinValue), ("$afterId", after?.TimerId ?? string.Empty), ("$max", max)]);
    }
}
