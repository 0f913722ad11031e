using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Sqlite;

/// <content>Postponing unhandled timers and purging delivered outbox messages (ORD-6, SEC-3).</content>
public sealed partial class SqliteEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> or <paramref name="owner"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> PostponeTimerAsync(DueTimer timer, string owner, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(owner);

        // The lease is extended, the due instant kept: the timer fires at its own instant once a handler exists.
        return ExecuteAsync("UPDATE timers SET lease_until = $until WHERE timer_id = $id AND due_at = $due AND lease_owner = $owner;",
            cancellationToken, ("$until", until.ToUnixTimeTicks()), ("$id", timer.TimerId), ("$due", timer.DueAt.ToUnixTimeTicks()), ("$owner", owner));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<int> PurgeDeliveredOutboxAsync(Instant deliveredBy, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();

            // Only delivered rows (never undelivered, dead-lettered or leased ones); audit and commands are not touched (ORD-6).
            command.CommandText = """
                DELETE FROM outbox WHERE seq IN (
                    SELECT seq FROM outbox
                    WHERE delivered_at IS NOT NULL AND delivered_at <= $by AND lease_owner IS NULL
                    ORDER BY seq LIMIT $max);
                """;
            command.Parameters.AddWithValue("$by", deliveredBy.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$max", max);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
