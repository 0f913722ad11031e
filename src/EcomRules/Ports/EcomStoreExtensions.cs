using System.ComponentModel;
using EcomRules.Commands;

namespace EcomRules.Ports;

/// <summary>Typed reads on any <see cref="IEcomStore"/>.</summary>
public static class EcomStoreExtensions
{
    /// <summary>
    /// Loads an aggregate that holds no personal data by its typed ID and returns it as its own type with its version: no
    /// cast of <see cref="StoredAggregate.State"/>. The aggregate type comes from the ID (<c>RefundId</c> → <c>Refund</c>,
    /// <c>StockItemId</c> → <c>StockItem</c>, …). An aggregate with a customer's personal data (its ID implements
    /// <see cref="IPersonalDataId{TAggregate}"/>) is read through the engine, which says who reads it and why and audits
    /// it (SEC-2): <see cref="Engine.EcomEngine.GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>.
    /// <see cref="IEcomStore.LoadAsync"/> itself is the storage port, below the audit, like SQL on the database: for
    /// store implementations, migrations and integrity checks, not for a person's read.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type, inferred from <paramref name="id"/>.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate and its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The aggregate holds personal data (an ID passed as its
    /// <see cref="IAggregateId{TAggregate}"/> interface), or the store holds something other than a
    /// <typeparamref name="TAggregate"/> under the ID's key.</exception>
    public static ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(this IEcomStore store, IAggregateId<TAggregate> id, CancellationToken cancellationToken = default)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(id);
        return PersonalData<TAggregate>.IsRead(id) ? throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead) : store.ReadAsync(id, cancellationToken);
    }

    /// <summary>
    /// Not available: a <typeparamref name="TAggregate"/> holds a customer's personal data, so it is read through the
    /// engine, which says who reads it and why (SEC-2).
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="id">The aggregate's ID.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [Obsolete("This aggregate holds personal data (SEC-2): read it through the engine with GetAsync(id, new DataAccess(actor, at, purpose)), which is audited.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(this IEcomStore store, IPersonalDataId<TAggregate> id)
        where TAggregate : class
        => throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);

    /// <summary>
    /// Not available: a <typeparamref name="TAggregate"/> holds a customer's personal data, so it is read through the
    /// engine, which says who reads it and why (SEC-2).
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [Obsolete("This aggregate holds personal data (SEC-2): read it through the engine with GetAsync(id, new DataAccess(actor, at, purpose)), which is audited.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(this IEcomStore store, IPersonalDataId<TAggregate> id, CancellationToken cancellationToken)
        where TAggregate : class
        => throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);

    /// <summary>Loads an aggregate by its typed ID, personal data or not: the engine's audited read, and tests.</summary>
    internal static async ValueTask<Versioned<TAggregate>?> ReadAsync<TAggregate>(this IEcomStore store, IAggregateId<TAggregate> id, CancellationToken cancellationToken = default)
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
