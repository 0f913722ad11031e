using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>The outbox: leased claims, failures and dead letters.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        using var command = CreateClaim(_sql.ClaimOutbox, owner, max, now, lease);
        var claimed = await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);

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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        using var command = _dataSource.CreateCommand(_sql.ReadDeadLetters);
        command.Parameters.Add(Value(max));
        return await ReadEnvelopesAsync(command, cancellationToken).ConfigureAwait(false);
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

    private async Task<List<OutboxEnvelope>> ReadEnvelopesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var envelopes = new List<OutboxEnvelope>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var message = new OutboxMessage(reader.GetString(1), _serializer.DeserializeEvent(reader.GetString(2)), ReadInstant(reader, 3));
                envelopes.Add(new OutboxEnvelope(reader.GetInt64(0), message, reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), ReadInstant(reader, 6), reader.GetBoolean(7)));
            }
        }

        return envelopes;
    }
}
