namespace EcomRules.Testing;

/// <summary>The effects of one fake operation, one per idempotency key, in order; guarded by the fake's lock.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class EffectLog<TRequest, TResult>
    where TResult : class
{
    private readonly Lock _gate;
    private readonly List<PortEffect<TRequest, TResult>> _effects = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    internal EffectLog(Lock gate) => _gate = gate;

    /// <summary>Gets how many effects happened. Call under the lock.</summary>
    internal int Count => _effects.Count;

    /// <summary>Gets a snapshot of the effects, taking the lock.</summary>
    internal PortEffect<TRequest, TResult>[] Snapshot()
    {
        lock (_gate)
        {
            return _effects.ToArray();
        }
    }

    /// <summary>Gets the result of the effect with <paramref name="key"/>, or null. Call under the lock.</summary>
    internal TResult? Find(string key) => _index.TryGetValue(key, out var index) ? _effects[index].Result : null;

    /// <summary>Records an effect. Call under the lock.</summary>
    internal void Add(string key, TRequest request, TResult result)
    {
        _index.Add(key, _effects.Count);
        _effects.Add(new(request, result));
    }

    /// <summary>Replaces the results chosen by <paramref name="update"/> (null keeps one). Call under the lock.</summary>
    internal void Update(Func<PortEffect<TRequest, TResult>, TResult?> update)
    {
        for (var i = 0; i < _effects.Count; i++)
        {
            if (update(_effects[i]) is { } result)
            {
                _effects[i] = _effects[i] with { Result = result };
            }
        }
    }
}
