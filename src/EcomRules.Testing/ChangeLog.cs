using EcomRules.Commands;

namespace EcomRules.Testing;

/// <summary>
/// The in-memory store's change sets in commit order, found by command ID, and their outbox messages in one list
/// (sequence = index + 1). Not thread-safe: the store holds its lock.
/// </summary>
internal sealed class ChangeLog
{
    private readonly Dictionary<CommandId, ChangeSet> _byCommand = [];
    private readonly List<ChangeSet> _saved = [];
    private readonly List<OutboxMessage> _outbox = [];
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

    /// <summary>Gets how many command IDs are recorded (one change set each).</summary>
    public int Commands => _saved.Count;

    /// <summary>Gets how many outbox messages were saved.</summary>
    public int Count => _outbox.Count;

    /// <summary>Gets outbox message <paramref name="index"/> (sequence = index + 1).</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The message.</returns>
    public OutboxMessage this[int index] => _outbox[index];

    /// <summary>Finds the change set that recorded a command ID.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <returns>The change set, or null.</returns>
    public ChangeSet? Find(CommandId commandId) => _byCommand.GetValueOrDefault(commandId);

    /// <summary>Adds a change set whose command ID is not recorded yet (the caller has checked with <see cref="Find"/>).</summary>
    /// <param name="changes">The change set.</param>
    public void Add(ChangeSet changes)
    {
        _byCommand.Add(changes.CommandId, changes);
        _saved.Add(changes);
        foreach (var message in changes.Outbox)
        {
            _byKey[message.IdempotencyKey] = _outbox.Count;
            _outbox.Add(message);
        }
    }

    /// <summary>Finds the index of the (last) outbox message with an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string idempotencyKey) => _byKey.GetValueOrDefault(idempotencyKey, -1);

    /// <summary>Gets the audit entries of one aggregate, or of all when <paramref name="key"/> is null, in commit order.</summary>
    /// <param name="key">The aggregate, or null for all.</param>
    /// <returns>The entries.</returns>
    public AuditEntry[] AuditTrail(AggregateKey? key)
        => [.. _saved.SelectMany(changes => changes.Audit).Where(entry => key is null || entry.Target == key.Value)];
}
