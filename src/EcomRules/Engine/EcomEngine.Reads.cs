using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Engine;

/// <content>Typed reads: the current state of an aggregate with its version.</content>
public sealed partial class EcomEngine
{
    /// <summary>
    /// Reads an aggregate by its typed ID: <c>await engine.GetAsync(orderId)</c> returns the <c>Order</c> with its
    /// version, <c>await engine.GetAsync(refundId)</c> the <c>Refund</c>, and so on for every aggregate whose ID
    /// implements <see cref="IAggregateId{TAggregate}"/>. A read changes nothing and is not audited.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type, inferred from <paramref name="id"/>.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate and its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store holds something other than a <typeparamref name="TAggregate"/> under the ID's key.</exception>
    public ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IAggregateId<TAggregate> id, CancellationToken cancellationToken = default)
        where TAggregate : class
        => _store.GetAsync(id, cancellationToken);
}
