using EcomRules.Commands;

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
    /// Finds the record of an executed command and loads its target aggregate, in one read where the store can (one
    /// connection, one round trip): what <see cref="Engine.EcomEngine"/> reads before deciding a command. The answer must
    /// agree with <see cref="FindCommandAsync"/> and <see cref="LoadAsync"/> called separately; the two reads need not
    /// be one snapshot (a save checks versions and the command ID anyway). The default implementation makes those
    /// two calls.
    /// </summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="target">The command's target aggregate.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record (null when the command was never executed) and the target (null when it does not exist).</returns>
    async ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
    {
        var record = await FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false);
        var aggregate = await LoadAsync(target, cancellationToken).ConfigureAwait(false);
        return (record, aggregate);
    }

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

    /// <summary>
    /// Appends audit entries that belong to no change set: reads of personal data through the engine (SEC-2: who read
    /// what, when and why). Durable when the task completes; kept like every audit entry (ORD-6). The default
    /// implementation throws <see cref="NotSupportedException"/>: a store that cannot keep them cannot serve audited reads.
    /// </summary>
    /// <param name="entries">The entries, in order.</param>
    /// <param name="cancellationToken">Cancels the append; a cancelled append stores nothing.</param>
    /// <returns>A task that completes when the entries are durable.</returns>
    /// <exception cref="NotSupportedException">The store keeps no audit entries outside change sets.</exception>
    ValueTask AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
        => ValueTask.FromException(new NotSupportedException($"{GetType().Name} cannot append audit entries outside a change set, so it cannot serve audited reads (SEC-2)."));
}
