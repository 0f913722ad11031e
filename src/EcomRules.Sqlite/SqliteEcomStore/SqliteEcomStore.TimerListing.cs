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

            // timers_due (due_at, timer_id) serves the range and the order; SQLite compares text by bytes (ordinal).
            command.CommandText = """
                SELECT timer_id, kind, aggregate_kind, aggregate_id, due_at FROM timers
                WHERE due_at >= $from AND (due_at, timer_id) > ($afterDue, $afterId)
                ORDER BY due_at, timer_id LIMIT $max;
                """;
            command.Parameters.AddWithValue("$from", dueFrom.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$afterDue", after?.DueAt.ToUnixTimeTicks() ?? long.MinValue);
            command.Parameters.AddWithValue("$afterId", after?.TimerId ?? string.Empty);
            command.Parameters.AddWithValue("$max", max);
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
}
