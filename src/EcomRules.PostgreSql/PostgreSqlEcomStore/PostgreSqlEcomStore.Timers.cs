using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>Timers: claimed under a lease, completed and counted.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        using var command = CreateClaim(_sql.ClaimTimers, owner, max, now, lease);
        var claimed = new List<DueTimer>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new DueTimer(reader.GetString(0), new AggregateKey(reader.GetString(1), reader.GetString(2)), reader.GetString(3), ReadInstant(reader, 4)));
            }
        }

        claimed.Sort(static (a, b) =>
        {
            var byDue = a.DueAt.CompareTo(b.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.TimerId, b.TimerId);
        });
        return claimed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is blank.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<bool> CompleteTimerAsync(DueTimer timer, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        using var command = _dataSource.CreateCommand(_sql.CompleteTimer);
        command.Parameters.Add(Text(timer.TimerId));
        command.Parameters.Add(Timestamp(timer.DueAt));
        command.Parameters.Add(Text(owner));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not be reached.</exception>
    public async ValueTask<long> CountTimersAsync(CancellationToken cancellationToken = default)
    {
        using var command = _dataSource.CreateCommand(_sql.CountTimers);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
