using System.Data;
using Npgsql;

namespace EcomRules.PostgreSql.Internal;

/// <summary>
/// Keeps a few of the store's connections open between its operations instead of closing them back into Npgsql's
/// pool. Closing a pooled connection makes Npgsql reset its session before the next use: six statements the server
/// parses and runs ahead of the next query, and one more packet each way. The store needs no reset: it changes no
/// session state (no <c>SET</c>, cursors, <c>LISTEN</c> or session advisory locks; its advisory lock is
/// transaction-scoped), and its prepared statements are meant to stay.
/// <list type="bullet">
/// <item>At most <see cref="Capacity"/> connections are kept (a quarter of the pool); others are closed as usual.</item>
/// <item>Only an idle, open connection is kept (not one that broke, or is still executing or fetching).</item>
/// <item>A connection kept unused for <see cref="IdleLimit"/> is not handed out again but closed (back to Npgsql's pool,
/// which prunes it as it prunes any idle connection); a timer closes those unused for half that while the store is idle.</item>
/// <item>A connection that has been out of Npgsql's pool for <see cref="HoldLimit"/> is not handed out or kept again: it
/// goes back when its current operation ends, so the pool's own rules (connection lifetime) still apply, a little late.</item>
/// <item>When a connection comes back broken (a server restart, a failover), every kept connection is closed too.</item>
/// <item>Nothing is kept when the data source does not pool.</item>
/// </list>
/// Thread-safe; a rented connection belongs to its renter until returned.
/// </summary>
internal sealed class ConnectionCache : IAsyncDisposable, IDisposable
{
    /// <summary>How long a connection is kept unused at most, by default.</summary>
    internal static readonly TimeSpan DefaultIdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection stays out of Npgsql's pool at most, by default.</summary>
    internal static readonly TimeSpan DefaultHoldLimit = TimeSpan.FromMinutes(1);

    private readonly NpgsqlDataSource _dataSource;
    private readonly long _idleLimitMilliseconds;
    private readonly long _holdLimitMilliseconds;
    private readonly Stack<Idle> _idle = new();
    private readonly Lock _gate = new();
    private readonly Timer? _pruner;
    private bool _disposed;

    /// <summary>Creates a cache over a data source.</summary>
    /// <param name="dataSource">Where connections come from (and go back to).</param>
    /// <param name="idleLimit">How long a connection is kept unused at most; <see cref="DefaultIdleLimit"/> when null.</param>
    /// <param name="holdLimit">How long a connection stays out of Npgsql's pool at most; <see cref="DefaultHoldLimit"/> when null.</param>
    internal ConnectionCache(NpgsqlDataSource dataSource, TimeSpan? idleLimit = null, TimeSpan? holdLimit = null)
    {
        _dataSource = dataSource;
        IdleLimit = idleLimit ?? DefaultIdleLimit;
        HoldLimit = holdLimit ?? DefaultHoldLimit;
        _idleLimitMilliseconds = (long)IdleLimit.TotalMilliseconds;
        _holdLimitMilliseconds = (long)HoldLimit.TotalMilliseconds;
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Capacity = settings.Pooling ? settings.MaxPoolSize / 4 : 0;
        if (Capacity > 0)
        {
            var period = IdleLimit / 2;
            _pruner = new Timer(static state => ((ConnectionCache)state!).Prune(), this, period, period);
        }
    }

    /// <summary>Gets how many idle connections are kept at most.</summary>
    internal int Capacity { get; }

    /// <summary>Gets how long a connection is kept unused at most.</summary>
    internal TimeSpan IdleLimit { get; }

    /// <summary>Gets how long a connection stays out of Npgsql's pool at most.</summary>
    internal TimeSpan HoldLimit { get; }

    /// <summary>Gets a kept connection, or opens one from the data source.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An open connection; give it back with <see cref="ReturnAsync"/>.</returns>
    internal async ValueTask<Rented> RentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Idle idle;
            lock (_gate)
            {
                if (!_idle.TryPop(out idle))
                {
                    break;
                }
            }

            var now = Environment.TickCount64;
            if (now - idle.Since < _idleLimitMilliseconds && now - idle.Connection.Since < _holdLimitMilliseconds
                && idle.Connection.Connection.FullState == ConnectionState.Open)
            {
                return idle.Connection;
            }

            await idle.Connection.Connection.DisposeAsync().ConfigureAwait(false);
        }

        return new Rented(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false), Environment.TickCount64);
    }

    /// <summary>Keeps a connection for the next rent, or closes it.</summary>
    /// <param name="rented">A connection from <see cref="RentAsync"/>.</param>
    /// <returns>A task that completes when the connection is kept or closed.</returns>
    internal async ValueTask ReturnAsync(Rented rented)
    {
        var now = Environment.TickCount64;
        if (rented.Connection.FullState.HasFlag(ConnectionState.Broken))
        {
            // The connection failed (a server restart, a failover, a network fault): the kept ones, idle on the same
            // server, likely failed too but still look open. Close them all rather than fail one operation each.
            foreach (var kept in TakeAll(disposing: false))
            {
                await kept.DisposeAsync().ConfigureAwait(false);
            }
        }
        else if (rented.Connection.FullState == ConnectionState.Open && now - rented.Since < _holdLimitMilliseconds)
        {
            lock (_gate)
            {
                if (!_disposed && _idle.Count < Capacity)
                {
                    _idle.Push(new Idle(rented, now));
                    return;
                }
            }
        }

        await rented.Connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the kept connections; later returns close theirs.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_pruner is not null)
        {
            await _pruner.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var connection in TakeAll(disposing: true))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the kept connections; later returns close theirs.</summary>
    public void Dispose()
    {
        _pruner?.Dispose();
        foreach (var connection in TakeAll(disposing: true))
        {
            connection.Dispose();
        }
    }

    private void Prune()
    {
        var now = Environment.TickCount64;
        List<NpgsqlConnection>? stale = null;
        lock (_gate)
        {
            if (_idle.Count == 0)
            {
                return;
            }

            // Newest on top: keep the fresh ones, in order.
            var fresh = new Stack<Idle>();
            while (_idle.TryPop(out var idle))
            {
                if (now - idle.Since < _idleLimitMilliseconds / 2)
                {
                    fresh.Push(idle);
                }
                else
                {
                    (stale ??= []).Add(idle.Connection.Connection);
                }
            }

            while (fresh.TryPop(out var idle))
            {
                _idle.Push(idle);
            }
        }

        foreach (var connection in stale ?? [])
        {
            try
            {
                connection.Dispose();
            }
#pragma warning disable CA1031 // a timer callback must not throw: that would end the process; the connection is abandoned either way
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private List<NpgsqlConnection> TakeAll(bool disposing)
    {
        var all = new List<NpgsqlConnection>();
        lock (_gate)
        {
            _disposed |= disposing;
            while (_idle.TryPop(out var idle))
            {
                all.Add(idle.Connection.Connection);
            }
        }

        return all;
    }

    /// <summary>A rented connection and when the cache took it from the data source.</summary>
    /// <param name="Connection">The open connection.</param>
    /// <param name="Since">When it left Npgsql's pool (<see cref="Environment.TickCount64"/>).</param>
    internal readonly record struct Rented(NpgsqlConnection Connection, long Since);

    private readonly record struct Idle(Rented Connection, long Since);
}
