namespace EcomRules.Commands;

/// <summary>An aggregate as loaded from the store, with the version to expect when saving it.</summary>
/// <param name="Key">The aggregate.</param>
/// <param name="Version">The stored version (1 after the first save).</param>
/// <param name="State">The state (an immutable aggregate).</param>
public sealed record StoredAggregate(AggregateKey Key, long Version, object State);
