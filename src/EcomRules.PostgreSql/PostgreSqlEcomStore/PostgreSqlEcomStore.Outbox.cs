using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>The outbox: leased claims, failures and dead letters.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <remarks>A message whose event this release cannot read is dead-lettered after the claim, with the reason, and not returned.</remarks>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        List<OutboxEnvelope> claimed;
        List<long> unreadable;
        using (var command = CreateClaim(_sql.ClaimOutbox, owner, max, now, lease))
        {
            (claimed, unreadable) = await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
        }

        foreach (var sequence in unreadable)
        {
            // A message this release cannot read never reaches a port: dead-lettered under the lease just taken, so the
            // messages behind it are delivered and it waits for a person (RetryDeadLetterAsync) and statistics count it.
            await FailOutboxAsync(sequence, owner, UnreadableEventError, now, deadLetter: true, cancellationToken).ConfigureAwait(false);
        }

        // RETURNING does not keep the subquery's order.
        claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return claimed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        using var command = _dataSource.CreateCommand(_sql.CompleteOutbox);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(error);
        using var command = _dataSource.CreateCommand(_sql.FailOutbox);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Text(owner));
        command.Parameters.Add(Text(error));
        command.Parameters.Add(Timestamp(retryAt));
        command.Parameters.Add(Value(deadLetter));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <remarks>A dead letter whose event this release cannot read is left out; statistics still count it.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        using var command = _dataSource.CreateCommand(_sql.ReadDeadLetters);
        command.Parameters.Add(Value(max));
        return (await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false)).Envelopes;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.RetryDeadLetter);
        command.Parameters.Add(Value(sequence));
        command.Parameters.Add(Timestamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.OutboxStatistics);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new OutboxStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : ReadInstant(reader, 2));
        }
    }

    private const string UnreadableEventError = "This release cannot read the stored event: dead-lettered when claimed, so the messages behind it are delivered; retry it (RetryDeadLetterAsync) on a release that reads it.";

    /// <summary>The envelopes the command returns, and the sequence numbers of those whose event this release cannot read.</summary>
    private async Task<(List<OutboxEnvelope> Envelopes, List<long> Unreadable)> ReadEnvelopesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<OutboxEnvelope>();
        var unreadable = new List<long>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_serializer.TryDeserializeEvent(reader.GetString(2), out var domainEvent))
                {
                    unreadable.Add(reader.GetInt64(0));
                    continue;
                }

                var message = new OutboxMessage(reader.GetString(1), domainEvent, ReadInstant(reader, 3));
                envelopes.Add(new OutboxEnvelope(reader.GetInt64(0), message, reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), ReadInstant(reader, 6), reader.GetBoolean(7)));
            }
        }

        return (envelopes, unreadable);
    }
}
