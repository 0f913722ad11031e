using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Testing;

namespace EcomRules.Tests.Orders;

/// <summary>
/// A store test double over <see cref="InMemoryEcomStore"/>: the first <see cref="FailSaves"/> saves throw
/// <see cref="ConcurrencyConflictException"/>, after running <see cref="BeforeFailedSave"/> (a concurrent writer).
/// </summary>
public sealed class ConflictingStore(InMemoryEcomStore inner) : IEcomStore
{
    public int FailSaves { get; set; }

    public Action? BeforeFailedSave { get; set; }

    public Action? OnLoad { get; set; }

    public int Saves { get; private set; }

    public int Loads { get; private set; }

    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        Loads++;
        OnLoad?.Invoke();
        return inner.LoadAsync(key, cancellationToken);
    }

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
        => inner.FindCommandAsync(commandId, cancellationToken);

    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (++Saves <= FailSaves)
        {
            if (BeforeFailedSave is { } concurrentWriter)
            {
                concurrentWriter();
                await inner.SaveAsync(changes, cancellationToken); // a real conflict from the inner store
            }

            var key = changes.Writes.Count > 0 ? changes.Writes[0].Key : changes.Record.Target;
            throw new ConcurrencyConflictException(key, 0, 1);
        }

        await inner.SaveAsync(changes, cancellationToken);
    }

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
        => inner.ReadAuditAsync(key, cancellationToken);
}
