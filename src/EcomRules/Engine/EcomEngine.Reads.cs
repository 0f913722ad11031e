using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Engine;

/// <content>Typed reads: the current state of an aggregate with its version; audited when it holds personal data (SEC-2).</content>
public sealed partial class EcomEngine
{
    /// <summary>
    /// Reads an aggregate that holds no personal data by its typed ID: <c>await engine.GetAsync(refundId)</c> returns the
    /// <c>Refund</c> with its version, <c>await engine.GetAsync(stockItemId)</c> the <c>StockItem</c>, and so on for every
    /// aggregate whose ID implements <see cref="IAggregateId{TAggregate}"/>. A read changes nothing and is not audited.
    /// An aggregate with a customer's personal data (an <c>Order</c>, a <c>ReturnCase</c>, a <c>Complaint</c>, a
    /// <c>FollowUpVisit</c>: their IDs implement <see cref="IPersonalDataId{TAggregate}"/>) is read with
    /// <see cref="GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>, which says who reads
    /// it and why and is audited (SEC-2); this overload does not compile for such an ID.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type, inferred from <paramref name="id"/>.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate and its version, or null when it does not exist.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The aggregate holds personal data (an ID passed as its
    /// <see cref="IAggregateId{TAggregate}"/> interface), or the store holds something other than a
    /// <typeparamref name="TAggregate"/> under the ID's key.</exception>
    public ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IAggregateId<TAggregate> id, CancellationToken cancellationToken = default)
        where TAggregate : class
        => _store.GetAsync(id, cancellationToken); // the store's typed read refuses personal data the same way

    /// <summary>
    /// Not available: a <typeparamref name="TAggregate"/> holds a customer's personal data, so a read says who reads it
    /// and why (SEC-2). Use <see cref="GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [Obsolete("This aggregate holds personal data (SEC-2): read it with GetAsync(id, new DataAccess(actor, at, purpose)), which is audited.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IPersonalDataId<TAggregate> id)
        where TAggregate : class
        => throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);

    /// <summary>
    /// Not available: a <typeparamref name="TAggregate"/> holds a customer's personal data, so a read says who reads it
    /// and why (SEC-2). Use <see cref="GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TAggregate">The aggregate type.</typeparam>
    /// <param name="id">The aggregate's ID.</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    [Obsolete("This aggregate holds personal data (SEC-2): read it with GetAsync(id, new DataAccess(actor, at, purpose)), which is audited.", error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IPersonalDataId<TAggregate> id, CancellationToken cancellationToken)
        where TAggregate : class
        => throw new InvalidOperationException(PersonalData<TAggregate>.UnauditedRead);

    /// <summary>
    /// Reads an aggregate on behalf of a person (SEC-2): when it holds personal data (an order's buyer, a return case's or
    /// a complaint's phone number, a follow-up visit's notes), one audit entry records who read it, when, why and which
    /// version (<c>Action</c> is <c>Read{Type}</c>, <c>Change</c> is <c>read</c>), and the aggregate is returned only
    /// once the entry is stored. A read of an aggregate without personal data, or of one that does not exist, writes
    /// nothing. A read by the host itself (a report, a verification) is a read too: it names <see cref="Actor.System"/>
    /// and its purpose.
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
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The required DataAccess tells the overloads apart.")]
    public async ValueTask<Versioned<TAggregate>?> GetAsync<TAggregate>(IAggregateId<TAggregate> id, DataAccess access, CancellationToken cancellationToken = default)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(access);
        var policy = Policy;
        if ((policy.Limits.Code(access.Actor.Id, "actor ID") ?? policy.Limits.Code(access.Actor.Role.Value, "actor role") ?? policy.Limits.Reason(access.Purpose, "purpose")) is { } problem)
        {
            throw new ArgumentException(problem.Reason, nameof(access));
        }

        var read = await _store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (read is not null && PersonalData<TAggregate>.IsRead(id))
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

    /// <summary>Reads an aggregate as stored now, unaudited: for the library's own outbox handlers.</summary>
    internal ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken) => _store.LoadAsync(key, cancellationToken);
}
