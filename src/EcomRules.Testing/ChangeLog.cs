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
    private readonly List<(int After, AuditEntry Entry)> _reads = []; // audited reads (SEC-2), after that many change sets

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
    {
        var entries = new List<AuditEntry>();
        var read = 0;
        for (var i = 0; i < _saved.Count; i++)
        {
            read = AddReads(entries, key, read, i);
            foreach (var entry in _saved[i].Audit)
            {
                if (key is null || entry.Target == key.Value)
                {
                    entries.Add(entry);
                }
            }
        }

        AddReads(entries, key, read, _saved.Count);
        return entries.ToArray();
    }

    /// <summary>Appends audit entries of no change set (reads of personal data, SEC-2), after the change sets saved so far.</summary>
    /// <param name="entries">The entries.</param>
    public void AddAudit(IReadOnlyList<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            _reads.Add((_saved.Count, entry));
        }
    }

    private int AddReads(List<AuditEntry> entries, AggregateKey? key, int read, int before)
    {
        for (; read < _reads.Count && _reads[read].After <= before; read++)
        {
            if (key is null || _reads[read].Entry.Target == key.Value)
            {
                entries.Add(_reads[read].Entry);
            }
        }

        return read;
    }
}
