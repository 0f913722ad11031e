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
    /// Finds the record of an executed command and loads its target and the other aggregates its decision reads, in one
    /// read where the store can (one connection, one round trip): what <see cref="Engine.EcomEngine"/> reads before
    /// deciding a command that reads more than its target (a return reads its order). The answer must agree with
    /// <see cref="FindCommandAsync"/>, <see cref="LoadAsync"/> and <see cref="LoadManyAsync"/> called separately; the reads
    /// need not be one snapshot. The default implementation makes those calls.
    /// </summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="target">The command's target aggregate.</param>
    /// <param name="others">The other aggregates to load, as <see cref="LoadManyAsync"/> takes them.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record (null when the command was never executed), the target (null when it does not exist) and the
    /// other aggregates that exist, as <see cref="LoadManyAsync"/> returns them.</returns>
    async ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> FindCommandAndLoadManyAsync(
        CommandId commandId, AggregateKey target, IReadOnlyList<AggregateKey> others, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(others);
        var (record, aggregate) = await FindCommandAndLoadAsync(commandId, target, cancellationToken).ConfigureAwait(false);
        return (record, aggregate, await LoadManyAsync(others, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Loads several aggregates with their versions, in one read where the store can (one round trip). The reads need
    /// not be one snapshot: a save checks the version of every aggregate the command writes, not of those it only reads
    /// (a merchant an order names may be suspended just after the order read it). The default implementation calls
    /// <see cref="LoadAsync"/> for each key.
    /// </summary>
    /// <param name="keys">The aggregates; a key listed twice is loaded once.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The aggregates that exist, in the order of their first key; missing ones are left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    async ValueTask<IReadOnlyList<StoredAggregate>> LoadManyAsync(IReadOnlyList<AggregateKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var loaded = new List<StoredAggregate>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!Listed(keys, i) && await LoadAsync(keys[i], cancellationToken).ConfigureAwait(false) is { } aggregate)
            {
                loaded.Add(aggregate);
            }
        }

        return loaded;
    }

    /// <summary>Whether <c>keys[index]</c> appears earlier in <paramref name="keys"/> (so is loaded already).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="index">The position to check.</param>
    /// <returns>True when an earlier key is the same.</returns>
    private static bool Listed(IReadOnlyList<AggregateKey> keys, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (keys[j] == keys[index])
            {
                return true;
            }
        }

        return false;
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
