using EcomRules.Commands;

namespace EcomRules.Testing;

/// <content>The audit trail (SEC-3).</content>
public sealed partial class InMemoryEcomStore
{
    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<IReadOnlyList<AuditEntry>>(cancellationToken);
        }

        lock (_gate)
        {
            // One trail for all aggregates, filtered on read: saving (the measured path) keeps no per-aggregate lists.
            return new ValueTask<IReadOnlyList<AuditEntry>>(_log.AuditTrail(key));
        }
    }
}
