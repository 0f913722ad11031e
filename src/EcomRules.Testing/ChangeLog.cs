using EcomRules.Commands;

namespace EcomRules.Testing;

/// <summary>
/// The in-memory store's change sets in commit order, kept as saved (change sets are immutable): the idempotency
/// records, the audit trail and the outbox are all read from them, so a save adds one entry and builds no record,
/// audit entry or message. Not thread-safe: the store holds its lock.
/// </summary>
/// <remarks>
/// <para>Command IDs are indexed by an open-addressing table of log positions (4 bytes a slot, at most half full),
/// a third of a <see cref="HashSet{T}"/>'s 16-byte entries and 4-byte buckets; growing it copies only the table.</para>
/// <para>Outbox message i is found by the index of each change set's first message, worked out on the first read after
/// a save, so saving neither counts nor builds a change set's messages.</para>
/// </remarks>
internal sealed class ChangeLog
{
    private const int FirstCapacity = 32;

    private readonly AppendLog<Saved> _saved = new();
    private int[] _slots = []; // log position + 1; 0 is empty
    private int _indexed; // change sets whose outbox Start is known
    private int _messages; // messages in the indexed change sets

    /// <summary>Gets how many command IDs are recorded (one change set each).</summary>
    public int Commands => _saved.Count;

    /// <summary>Gets how many outbox messages were saved.</summary>
    public int Count
    {
        get
        {
            CatchUp();
            return _messages;
        }
    }

    /// <summary>Gets outbox message <paramref name="index"/> (sequence = index + 1).</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The message.</returns>
    public OutboxMessage this[int index]
    {
        get
        {
            CatchUp();

            // The last change set starting at or before index: one without messages is followed by one that starts at
            // the same index, or is last, so the last is the one holding the message.
            int low = 0, high = _indexed - 1;
            while (low < high)
            {
                var middle = low + ((high - low + 1) / 2);
                if (_saved[middle].Start <= index)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            ref readonly var saved = ref _saved[low];
            return saved.Changes.Outbox[index - saved.Start];
        }
    }

    /// <summary>Finds the change set that recorded a command ID.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <returns>The change set, or null.</returns>
    public ChangeSet? Find(CommandId commandId)
    {
        if (_slots.Length == 0)
        {
            return null;
        }

        var mask = _slots.Length - 1;
        for (var slot = commandId.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var position = _slots[slot];
            if (position == 0)
            {
                return null;
            }

            var changes = _saved[position - 1].Changes;
            if (changes.CommandId == commandId)
            {
                return changes;
            }
        }
    }

    /// <summary>Adds a change set whose command ID is not recorded yet (the caller has checked with <see cref="Find"/>).</summary>
    /// <param name="changes">The change set.</param>
    public void Add(ChangeSet changes)
    {
        if ((_saved.Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        _saved.Add(new Saved(changes));
        Place(_slots, changes.CommandId, _saved.Count);
    }

    /// <summary>Gets the audit entries of one aggregate, or of all when <paramref name="key"/> is null, in commit order.</summary>
    /// <param name="key">The aggregate, or null for all.</param>
    /// <returns>The entries.</returns>
    public AuditEntry[] AuditTrail(AggregateKey? key)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < _saved.Count; i++)
        {
            foreach (var entry in _saved[i].Changes.Audit)
            {
                if (key is null || entry.Target == key.Value)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries.ToArray();
    }

    private static void Place(int[] slots, CommandId commandId, int position)
    {
        var mask = slots.Length - 1;
        var slot = commandId.GetHashCode() & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = position;
    }

    private void Grow()
    {
        var slots = new int[Math.Max(FirstCapacity, _slots.Length * 2)];
        for (var i = 0; i < _saved.Count; i++)
        {
            Place(slots, _saved[i].Changes.CommandId, i + 1);
        }

        _slots = slots;
    }

    private void CatchUp()
    {
        for (; _indexed < _saved.Count; _indexed++)
        {
            ref var saved = ref _saved.At(_indexed);
            saved.Start = _messages;
            _messages += saved.Changes.Outbox.Count;
        }
    }

    private struct Saved(ChangeSet changes)
    {
        public int Start;

        public readonly ChangeSet Changes = changes;
    }
}
