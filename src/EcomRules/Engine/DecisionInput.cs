using EcomRules.Policies;

namespace EcomRules.Engine;

/// <summary>What a command decides on: the loaded aggregates and the policy.</summary>
internal sealed class DecisionInput
{
    private readonly Dictionary<AggregateKey, StoredAggregate> _loaded;

    public DecisionInput(EcomPolicy policy, Dictionary<AggregateKey, StoredAggregate> loaded)
    {
        Policy = policy;
        _loaded = loaded;
    }

    public EcomPolicy Policy { get; }

    public StoredAggregate? Find(AggregateKey key) => _loaded.GetValueOrDefault(key);

    public long VersionOf(AggregateKey key) => _loaded.TryGetValue(key, out var stored) ? stored.Version : 0;

    public T? Get<T>(AggregateKey key)
        where T : class
        => _loaded.TryGetValue(key, out var stored) ? stored.State as T : null;
}
