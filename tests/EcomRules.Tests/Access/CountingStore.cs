using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Tests.Access;

/// <summary>A store that counts every read and write it is asked for, delegating to another.</summary>
internal sealed class CountingStore(IEcomStore inner) : IEcomStore
{
    public int Calls { get; private set; }

    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        Calls++;
        return inner.LoadAsync(key, cancellationToken);
    }

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        Calls++;
        return inner.FindCommandAsync(commandId, cancellationToken);
    }

    public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        Calls++;
        return inner.SaveAsync(changes, cancellationToken);
    }

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        Calls++;
        return inner.ReadAuditAsync(key, cancellationToken);
    }

    public ValueTask AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        Calls++;
        return inner.AppendAuditAsync(entries, cancellationToken);
    }
}
