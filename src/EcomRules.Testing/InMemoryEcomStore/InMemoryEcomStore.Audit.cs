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
            return new ValueTask<IReadOnlyList<AuditEntry>>(_log.AuditTrail(key));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            _log.AddAudit([.. entries]);
        }

        return ValueTask.CompletedTask;
    }
}
