using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Engine;

/// <content>Typed reads: the current state of an aggregate with its version; audited when it holds personal data (SEC-2).</content>
public sealed partial class EcomEngine
{
    /// <summary>
    /// Reads an aggregate by its typed ID: <c>await engine.GetAsync(orderId)</c> returns the <c>Order</c> with its
    /// version, <c>await engine.GetAsync(refundId)</c> the <c>Refund</c>, and so on for every aggregate whose ID
    /// implements <see cref="IAggregateId{TAggregate}"/>. A read changes nothing and is not audited: it is the host's own
    /// read, like <see cref="EcomStoreExtensions.GetAsync{TAggregate}(IEcomStore, IAggregateId{TAggregate}, CancellationToken)"/>
    /// on the store. A read on behalf of a person (a screen, a report, an export) states who and why with
    /// <see cref="GetAuditedAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>, which is audited.
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

    /// <summary>
    /// Reads an aggregate on behalf of a person (SEC-2): when it holds personal data (an order's buyer, a return case's
    /// phone number), one audit entry records who read it, when, why and which version (<c>Action</c> is
    /// <c>Read{Type}</c>, <c>Change</c> is <c>read</c>), and the aggregate is returned only once the entry is stored. A read
    /// of an aggregate without personal data, or of one that does not exist, writes nothing.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type, inferred from <paramref name="id"/>.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="access">Who reads, when and why.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate and its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="access"/> is null.</exception>
    /// <exception cref="ArgumentException">The actor's ID or the purpose is longer than the policy's input limits.</exception>
    /// <exception cref="InvalidOperationException">The store holds something other than a <typeparamref name="TAggregate"/> under the ID's key.</exception>
    /// <exception cref="NotSupportedException">The store cannot append audit entries (<see cref="IEcomStore.AppendAuditAsync"/>).</exception>
    public async ValueTask<Versioned<TAggregate>?> GetAuditedAsync<TAggregate>(IAggregateId<TAggregate> id, DataAccess access, CancellationToken cancellationToken = default)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(access);
        var policy = Policy;
        if ((policy.Limits.Code(access.Actor.Id, "actor ID") ?? policy.Limits.Code(access.Actor.Role.Value, "actor role") ?? policy.Limits.Reason(access.Purpose, "purpose")) is { } problem)
        {
            throw new ArgumentException(problem.Reason, nameof(access));
        }

        var read = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (read is not null && PersonalData<TAggregate>.Held)
        {
            var action = "Read" + typeof(TAggregate).Name;
            var entry = new AuditEntry(ReadId(), read.Key, access.Actor.Id, access.Actor.Role, access.At, action, "read",
                access.Purpose, read.Version, policy.RetainUntil(access.At));
            await _store.AppendAuditAsync([entry], cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    // An audit entry names a command ID; a read has none, so it gets a fresh one that says it is a read.
    private static CommandId ReadId() => new("read/" + Guid.NewGuid().ToString("N"));

    private static class PersonalData<TAggregate>
    {
        public static readonly bool Held = typeof(TAggregate).IsDefined(typeof(PersonalDataAttribute), inherit: false);
    }

    /// <summary>Reads an aggregate as stored now, unaudited: for the library's own outbox handlers.</summary>
    internal ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken) => _store.LoadAsync(key, cancellationToken);
}
