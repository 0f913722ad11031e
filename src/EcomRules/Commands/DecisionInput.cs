using EcomRules.Policies;

namespace EcomRules.Commands;

/// <summary>What a command decides on: the loaded aggregates and the policy. Most commands load one aggregate, so it
/// is held in a field; the few that read others keep them in a small array.</summary>
internal readonly struct DecisionInput
{
    private readonly StoredAggregate? _target;
    private readonly StoredAggregate[] _others;

    public DecisionInput(EcomPolicy policy, StoredAggregate? target, StoredAggregate[] others)
    {
        Policy = policy;
        _target = target;
        _others = others;
    }

    public EcomPolicy Policy { get; }

    public StoredAggregate? Find(AggregateKey key)
    {
        if (_target is not null && _target.Key == key)
        {
            return _target;
        }

        foreach (var other in _others)
        {
            if (other.Key == key)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>The same input with <paramref name="more"/> aggregates loaded too (a participant's reads).</summary>
    public DecisionInput With(IReadOnlyCollection<StoredAggregate> more)
        => more.Count == 0 ? this : new DecisionInput(Policy, _target, [.. _others, .. more]);

    public long VersionOf(AggregateKey key) => Find(key)?.Version ?? 0;

    public T? Get<T>(AggregateKey key)
        where T : class
        => Find(key)?.State as T;
}
