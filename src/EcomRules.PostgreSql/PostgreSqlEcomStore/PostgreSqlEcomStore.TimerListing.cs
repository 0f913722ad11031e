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

        var (sql, parameters) = ListTimersStatement(_sql.Schema, dueFrom, max, after);
        using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
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

    /// <summary>The statement that lists a page of timers, with its parameters.</summary>
    /// <param name="schema">The schema's name, quoted.</param>
    /// <param name="dueFrom">The earliest due instant listed.</param>
    /// <param name="max">The most timers to list.</param>
    /// <param name="after">The last timer of the previous page, or null.</param>
    internal static (string Sql, NpgsqlParameter[] Parameters) ListTimersStatement(string schema, Instant dueFrom, int max, DueTimer? after)
    {
        // COLLATE "C": timer IDs in ordinal order, the same as the other stores, whatever the database's collation, and
        // the order of timers_due (migration 5), so the row comparison is the index range and a page starts where the
        // last one ended, among timers due at one instant too. The lower bound is raised to the last page's due instant
        // (which the comparison implies), so the range starts there whichever bound the scan starts from.
        var from = after is not null && after.DueAt > dueFrom ? after.DueAt : dueFrom;
        return ($"""
            SELECT timer_id, target_kind, target_id, kind, due_at FROM {schema}.timers
            WHERE due_at >= $1 AND (due_at, timer_id COLLATE "C") > ($2, $3)
            ORDER BY due_at, timer_id COLLATE "C" LIMIT $4
            """,
            [Timestamp(CeilingMicrosecond(from)), Timestamp(after?.DueAt ?? dueFrom - Duration.FromTicks(10)), Text(after?.TimerId ?? string.Empty), Value(max)]);
    }
}
