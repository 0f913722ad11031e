using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;
using Npgsql;

namespace EcomRules.PostgreSql;

public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        // COLLATE "C": timer IDs in ordinal order, the same as the other stores, whatever the database's collation.
        using var command = _dataSource.CreateCommand($"""
            SELECT timer_id, target_kind, target_id, kind, due_at FROM {_sql.Schema}.timers
            WHERE due_at >= $1 AND (due_at > $2 OR (due_at = $2 AND timer_id COLLATE "C" > $3))
            ORDER BY due_at, timer_id COLLATE "C" LIMIT $4
            """);
        command.Parameters.Add(Timestamp(dueFrom));
        command.Parameters.Add(Timestamp(after?.DueAt ?? dueFrom - Duration.FromTicks(10)));
        command.Parameters.Add(Text(after?.TimerId ?? string.Empty));
        command.Parameters.Add(Value(max));
        var listed = new List<DueTimer>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                listed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)), reader.GetString(3), ReadInstant(reader, 4)));
            }
        }

        return listed;
    }
}
