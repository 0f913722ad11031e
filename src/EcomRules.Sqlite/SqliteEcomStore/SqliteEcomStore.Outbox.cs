using EcomRules.Commands;
using EcomRules.Ports;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcomRules.Sqlite;

/// <content>The outbox: messages written with a change set, leased claims, failures and dead letters.</content>
public sealed partial class SqliteEcomStore
{
    /// <summary>
    /// Leases up to $max pending messages, oldest first: read through outbox_pending (schema version 4), the pending
    /// messages in seq order, so a claim never reads the delivered messages that wait for their purge. It does read the
    /// pending ones it cannot take yet (waiting out a retry, or leased by another worker) on every claim, so a claim
    /// behind many of them (a port down for hours) costs more.
    /// </summary>
    internal const string ClaimOutboxSql = """
        UPDATE outbox SET lease_owner = $owner, lease_until = $until
        WHERE seq IN (
            SELECT seq FROM outbox
            WHERE delivered_at IS NULL AND dead_letter = 0 AND available_at <= $now
              AND (lease_until IS NULL OR lease_until < $now)
            ORDER BY seq LIMIT $max)
        RETURNING seq, key, event_json, created_at, attempts, last_error, available_at, dead_letter;
        """;

    // dead_letter is set only when the message becomes a dead letter: SQLite rewrites the entries of every index whose
    // key or WHERE reads a column a statement sets, whatever the value, and a retry leaves both outbox indexes as they
    // are (since schema version 4, available_at is in neither).
    private const string FailSql = "UPDATE outbox SET attempts = attempts + 1, last_error = $error, available_at = $retry, lease_owner = NULL, lease_until = NULL";
    private const string FailWhere = " WHERE seq = $seq AND lease_owner = $owner AND delivered_at IS NULL;";
    private const string FailForRetrySql = FailSql + FailWhere;
    private const string FailToDeadLetterSql = FailSql + ", dead_letter = 1" + FailWhere;

    /// <inheritdoc />
    /// <remarks>A message whose event this release cannot read is dead-lettered in the claim, with the reason, and not returned.</remarks>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        CheckClaim(owner, max, lease);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ClaimOutboxSql;
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeTicks());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$max", max);
            var (claimed, unreadable) = await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
            foreach (var sequence in unreadable)
            {
                // A message this release cannot read never reaches a port: it is dead-lettered in the claim, so the
                // messages behind it are delivered and it waits for a person (RetryDeadLetterAsync) and statistics count it.
                using var deadLetter = connection.CreateCommand();
                deadLetter.Transaction = transaction;
                deadLetter.CommandText = "UPDATE outbox SET attempts = attempts + 1, last_error = $error, dead_letter = 1, lease_owner = NULL, lease_until = NULL WHERE seq = $seq;";
                deadLetter.Parameters.AddWithValue("$error", UnreadableEventError);
                deadLetter.Parameters.AddWithValue("$seq", sequence);
                await deadLetter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
            return claimed;
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
        => ExecuteAsync(
            "UPDATE outbox SET delivered_at = $now, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND lease_owner = $owner AND delivered_at IS NULL;",
            cancellationToken, ("$now", now.ToUnixTimeTicks()), ("$seq", sequence), ("$owner", owner));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
        => ExecuteAsync(deadLetter ? FailToDeadLetterSql : FailForRetrySql,
            cancellationToken, ("$error", error), ("$retry", retryAt.ToUnixTimeTicks()), ("$seq", sequence), ("$owner", owner));

    /// <inheritdoc />
    /// <remarks>A dead letter whose event this release cannot read is left out; statistics still count it.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT seq, key, event_json, created_at, attempts, last_error, available_at, dead_letter
                FROM outbox WHERE dead_letter = 1 ORDER BY seq LIMIT $max;
                """;
            command.Parameters.AddWithValue("$max", max);
            return (await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false)).Envelopes;
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
        => ExecuteAsync(
            "UPDATE outbox SET dead_letter = 0, attempts = 0, available_at = $now, lease_owner = NULL, lease_until = NULL WHERE seq = $seq AND dead_letter = 1;",
            cancellationToken, ("$now", now.ToUnixTimeTicks()), ("$seq", sequence));

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND dead_letter = 0),
                       (SELECT count(*) FROM outbox WHERE dead_letter = 1),
                       (SELECT min(created_at) FROM outbox WHERE delivered_at IS NULL AND dead_letter = 0);
                """;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(2)));
        }
    }

    private static void InsertOutbox(SqliteSession session, IReadOnlyList<OutboxMessage> messages, string[] events)
    {
        var command = session.Command("""
            INSERT INTO outbox (key, event_type, event_json, created_at, available_at)
            VALUES ($key, $type, $json, $created, $created);
            """);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        for (var i = 0; i < messages.Count; i++)
        {
            key.Value = messages[i].IdempotencyKey;
            type.Value = messages[i].Event.EventType;
            json.Value = events[i];
            created.Value = messages[i].CreatedAt.ToUnixTimeTicks();
            command.ExecuteNonQuery();
        }
    }

    private const string UnreadableEventError = "This release cannot read the stored event: dead-lettered when claimed, so the messages behind it are delivered; retry it (RetryDeadLetterAsync) on a release that reads it.";

    /// <summary>The envelopes the command returns, and the sequence numbers of those whose event this release cannot read.</summary>
    private async ValueTask<(IReadOnlyList<OutboxEnvelope> Envelopes, List<long> Unreadable)> ReadEnvelopesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<OutboxEnvelope>();
        var unreadable = new List<long>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_serializer.TryDeserializeEvent(reader.GetString(2), out var domainEvent))
                {
                    unreadable.Add(reader.GetInt64(0));
                    continue;
                }

                var message = new OutboxMessage(reader.GetString(1), domainEvent, Instant.FromUnixTimeTicks(reader.GetInt64(3)));
                envelopes.Add(new OutboxEnvelope(reader.GetInt64(0), message, reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    Instant.FromUnixTimeTicks(reader.GetInt64(6)), reader.GetInt64(7) != 0));
            }
        }

        envelopes.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return (envelopes, unreadable);
    }
}
