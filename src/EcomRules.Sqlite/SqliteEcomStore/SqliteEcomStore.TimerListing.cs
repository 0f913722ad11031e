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
            Bind(command, parameters);

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
    /// <param name="dueFrom">The earliest due instant listed.</param>
    /// <param name="max">The most timers to list.</param>
    /// <param name="after">The last timer of the previous page, or null.</param>
    internal static (string Sql, (string Name, object Value)[] Parameters) ListTimersStatement(Instant dueFrom, int max, DueTimer? after)
    {
        // timers_due (due_at, timer_id) serves the range and the order; SQLite compares text by bytes (ordinal). On a
        // later page the unary + keeps SQLite from taking dueFrom as the range and reading the index from it, page after
        // page: the keyset's row value is the range, so a page starts where the last one ended, among timers due at one
        // instant too.
        return ($"""
            SELECT timer_id, kind, aggregate_kind, aggregate_id, due_at FROM timers
            WHERE {(after is null ? string.Empty : "+")}due_at >= $from AND (due_at, timer_id) > ($afterDue, $afterId)
            ORDER BY due_at, timer_id LIMIT $max;
            """,
            [("$from", dueFrom.ToUnixTimeTicks()), ("$afterDue", after?.DueAt.ToUnixTimeTicks() ?? long.MinValue), ("$afterId", after?.TimerId ?? string.Empty), ("$max", max)]);
    }
}
