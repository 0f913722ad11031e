using EcomRules.Engine;

namespace EcomRules.Ports;

/// <summary>
/// The storage port: aggregates with versions, idempotency records, the audit trail, the outbox and timers.
/// Implementations: in-memory (<c>EcomRules.Testing</c>), SQLite, PostgreSQL. Every implementation must pass the
/// store contract test suite.
/// </summary>
public interface IEcomStore
{
    /// <summary>Loads an aggregate with its version.</summary>
    /// <param name="key">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregate, or null when it does not exist.</returns>
    ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default);

    /// <summary>Finds the record of an executed command.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The record, or null when the command was never executed.</returns>
    ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a change set in one transaction: every aggregate write (each only if the stored version equals its
    /// expected version), the audit entry, the outbox messages, the timers and the idempotency record; or nothing.
    /// </summary>
    /// <param name="changes">The change set.</param>
    /// <param name="cancellationToken">Cancels the save; a cancelled save commits nothing.</param>
    /// <returns>A task that completes when the change set is durable.</returns>
    /// <exception cref="ConcurrencyConflictException">An aggregate's stored version is not the expected one.</exception>
    /// <exception cref="DuplicateCommandException">The command ID is already recorded.</exception>
    ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default);

    /// <summary>Reads the audit trail of one aggregate, oldest first (SEC-3).</summary>
    /// <param name="key">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default);
}
