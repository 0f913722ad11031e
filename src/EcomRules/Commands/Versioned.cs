namespace EcomRules.Commands;

/// <summary>
/// A typed aggregate as the store holds it, with the version a command on it will expect: what
/// <see cref="Engine.EcomEngine.GetAsync{TAggregate}"/> returns.
/// </summary>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
/// <param name="Key">The aggregate's key in the store.</param>
/// <param name="Version">The stored version (1 after the first save).</param>
/// <param name="Aggregate">The aggregate (immutable).</param>
public sealed record Versioned<TAggregate>(AggregateKey Key, long Version, TAggregate Aggregate)
    where TAggregate : class;
