using System.Collections.Concurrent;
using EcomRules.Engine;
using Npgsql;

namespace EcomRules.PostgreSql.Internal;

/// <summary>
/// Hands the open connection of a command's read (<c>FindCommandAndLoadAsync</c>) to the save of the same command ID
/// that follows it, so a command rents one pooled connection instead of two: the pool's reset of a returned
/// connection (six statements the server parses and runs before the next query) and a rent are saved once per command.
/// <list type="bullet">
/// <item>A connection is parked only while idle (no transaction, no reader) and only when no record was found, so a
/// save is expected; at most <see cref="Capacity"/> are parked at once (a quarter of the pool), the others are closed
/// as usual.</item>
/// <item>A parked connection whose save never comes (the decision threw, the caller only read) is closed by the next
/// park or take after a few seconds (<see cref="DefaultMaxAge"/>), and on dispose.</item>
/// <item>Nothing about the save changes: it runs the same batch on whichever connection it gets.</item>
/// </list>
/// Thread-safe.
/// </summary>
internal sealed class ConnectionHandoff : IAsyncDisposable
{
    /// <summary>How long a connection stays parked at most, by default.</summary>
    internal static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(5);

    private readonly long _maxAgeMilliseconds;
    private readonly long _sweepIntervalMilliseconds;
    private readonly ConcurrentDictionary<CommandId, Parked> _parked = new();
    private int _count;
    private long _lastSweep = Environment.TickCount64;
    private int _disposed;

    /// <summary>Creates a handoff for a pool of <paramref name="maxPoolSize"/> connections.</summary>
    /// <param name="maxPoolSize">The data source's maximum pool size.</param>
    /// <param name="maxAge">How long a connection stays parked at most; <see cref="DefaultMaxAge"/> when null.</param>
    internal ConnectionHandoff(int maxPoolSize, TimeSpan? maxAge = null)
    {
        Capacity = Math.Max(0, maxPoolSize / 4);
        _maxAgeMilliseconds = (long)(maxAge ?? DefaultMaxAge).TotalMilliseconds;
        _sweepIntervalMilliseconds = Math.Min(1000, _maxAgeMilliseconds / 5);
    }

    /// <summary>Gets how many connections may be parked at once.</summary>
    internal int Capacity { get; }

    /// <summary>Parks an idle connection for the save of <paramref name="commandId"/>.</summary>
    /// <param name="commandId">The command whose save will take it.</param>
    /// <param name="connection">The open, idle connection.</param>
    /// <returns>True when parked; false when full or already holding one for that ID: the caller closes it then.</returns>
    internal async ValueTask<bool> TryParkAsync(CommandId commandId, NpgsqlConnection connection)
    {
        await SweepAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        if (!_parked.TryAdd(commandId, new Parked(connection, Environment.TickCount64)))
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        return true;
    }

    /// <summary>Takes the connection parked for <paramref name="commandId"/>, if any; the caller then owns it.</summary>
    /// <param name="commandId">The command being saved.</param>
    /// <returns>The connection, or null.</returns>
    internal async ValueTask<NpgsqlConnection?> TakeAsync(CommandId commandId)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        var taken = _parked.TryRemove(commandId, out var parked);
        if (taken)
        {
            Interlocked.Decrement(ref _count);
        }

        await SweepAsync().ConfigureAwait(false);
        return taken ? parked.Connection : null;
    }

    /// <summary>Closes every parked connection (they return to the pool).</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, 1);
        foreach (var (commandId, parked) in _parked)
        {
            if (_parked.TryRemove(new KeyValuePair<CommandId, Parked>(commandId, parked)))
            {
                Interlocked.Decrement(ref _count);
                await parked.Connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes every parked connection synchronously.</summary>
    internal void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        foreach (var (commandId, parked) in _parked)
        {
            if (_parked.TryRemove(new KeyValuePair<CommandId, Parked>(commandId, parked)))
            {
                Interlocked.Decrement(ref _count);
                parked.Connection.Dispose();
            }
        }
    }

    private async ValueTask SweepAsync()
    {
        var now = Environment.TickCount64;
        var last = Volatile.Read(ref _lastSweep);
        if (Volatile.Read(ref _count) == 0 || now - last < _sweepIntervalMilliseconds || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (commandId, parked) in _parked)
        {
            if (now - parked.Since > _maxAgeMilliseconds && _parked.TryRemove(new KeyValuePair<CommandId, Parked>(commandId, parked)))
            {
                Interlocked.Decrement(ref _count);
                await parked.Connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private readonly record struct Parked(NpgsqlConnection Connection, long Since);
}
