using EcomRules.Ports;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace EcomRules.PostgreSql;

/// <content>Postponing unhandled timers and purging delivered outbox messages (ORD-6, SEC-3).</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);

        // The lease is extended, the due instant kept: the timer fires at its own instant once a handler exists.
        using var command = _dataSource.CreateCommand($"UPDATE {_sql.Schema}.timers SET lease_until = $4 WHERE timer_id = $1 AND due_at = $2 AND lease_owner = $3");
        command.Parameters.Add(Text(timer.TimerId));
        command.Parameters.Add(Timestamp(timer.DueAt));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Timestamp(until));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        // Only delivered rows (never undelivered, dead-lettered or leased ones); audit and commands are not touched
        // (ORD-6). SKIP LOCKED: several hosts may purge at once without waiting for each other.
        using var command = _dataSource.CreateCommand($"""
            DELETE FROM {_sql.Schema}.outbox WHERE seq IN (
                SELECT seq FROM {_sql.Schema}.outbox
                WHERE delivered_at IS NOT NULL AND delivered_at <= $1 AND lease_owner IS NULL
                ORDER BY seq LIMIT $2
                FOR UPDATE SKIP LOCKED)
            """);
        command.Parameters.Add(Timestamp(deliveredBy));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max, NpgsqlDbType = NpgsqlDbType.Integer });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
