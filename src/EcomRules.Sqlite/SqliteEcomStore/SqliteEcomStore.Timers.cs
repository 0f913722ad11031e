using EcomRules.Commands;
using EcomRules.Ports;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Sqlite;

/// <content>Timers: written with a change set, claimed under a lease, completed and counted.</content>
public sealed partial class SqliteEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE timers SET lease_owner = $owner, lease_until = $until
                WHERE timer_id IN (
                    SELECT timer_id FROM timers
                    WHERE due_at <= $now AND (lease_until IS NULL OR lease_until < $now)
                    ORDER BY due_at, timer_id LIMIT $max)
                RETURNING timer_id, kind, aggregate_kind, aggregate_id, due_at;
                """;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeTicks());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$max", max);
            var claimed = new List<DueTimer>();
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(2), reader.GetString(3)), reader.GetString(1),
                        Instant.FromUnixTimeTicks(reader.GetInt64(4))));
                }
            }

            transaction.Commit();

            // RETURNING yields rows in no promised order.
            claimed.Sort(static (a, b) => a.DueAt != b.DueAt ? a.DueAt.CompareTo(b.DueAt) : string.CompareOrdinal(a.TimerId, b.TimerId));
            return claimed;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);

        // A timer moved since the claim has another due_at, and a move clears the lease: it stays, to fire when due.
        return ExecuteAsync("DELETE FROM timers WHERE timer_id = $id AND due_at = $due AND lease_owner = $owner;",
            cancellationToken, ("$id", timer.TimerId), ("$due", timer.DueAt.ToUnixTimeTicks()), ("$owner", owner));
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM timers;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static void WriteTimers(SqliteSession session, IReadOnlyList<TimerRequest> timers)
    {
        // Moving a timer clears its lease: the new due instant fires on its own.
        var upsert = session.Command("""
            INSERT INTO timers (timer_id, kind, aggregate_kind, aggregate_id, due_at) VALUES ($id, $kind, $akind, $aid, $due)
            ON CONFLICT (timer_id) DO UPDATE SET kind = excluded.kind, aggregate_kind = excluded.aggregate_kind,
                aggregate_id = excluded.aggregate_id, due_at = excluded.due_at, lease_owner = NULL, lease_until = NULL;
            """);
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
        var aggregateKind = upsert.Parameters.Add("$akind", SqliteType.Text);
        var aggregateId = upsert.Parameters.Add("$aid", SqliteType.Text);
        var due = upsert.Parameters.Add("$due", SqliteType.Integer);
        var delete = session.Command("DELETE FROM timers WHERE timer_id = $id;");
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);
        foreach (var timer in timers)
        {
            if (timer.DueAt is not { } dueAt)
            {
                deleteId.Value = timer.TimerId;
                delete.ExecuteNonQuery();
                continue;
            }

            id.Value = timer.TimerId;
            kind.Value = timer.Kind;
            aggregateKind.Value = timer.Target.Kind;
            aggregateId.Value = timer.Target.Id;
            due.Value = dueAt.ToUnixTimeTicks();
            upsert.ExecuteNonQuery();
        }
    }
}
