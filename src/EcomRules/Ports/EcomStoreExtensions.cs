using EcomRules.Commands;

namespace EcomRules.Ports;

/// <summary>Typed reads on any <see cref="IEcomStore"/>.</summary>
public static class EcomStoreExtensions
{
    /// <summary>
    /// Loads an aggregate by its typed ID and returns it as its own type with its version: no cast of
    /// <see cref="StoredAggregate.State"/>. The aggregate type comes from the ID
    /// (<c>OrderId</c> → <c>Order</c>, <c>RefundId</c> → <c>Refund</c>, …).
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type, inferred from <paramref name="id"/>.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate and its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store holds something other than a <typeparamref name="TAggregate"/> under the ID's key.</exception>
    public static async ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(this IEcomStore store, IAggregateId<TAggregate> id, CancellationToken cancellationToken = default)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(id);
        var key = id.Key;
        var stored = await store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
        return stored switch
        {
            null => null,
            { State: TAggregate aggregate } => new Versioned<TAggregate>(stored.Key, stored.Version, aggregate),
            _ => throw new InvalidOperationException($"The store holds a {stored.State.GetType().Name} under {key}, not a {typeof(TAggregate).Name}."),
        };
    }
}
