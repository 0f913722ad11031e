using EcomRules.Engine;

namespace EcomRules.Testing;

/// <summary>
/// The in-memory store's idempotency records, found by command ID. The records are kept in an append-only log and
/// indexed by an open-addressing table of log positions (4 bytes a slot, at most half full), which costs a third of
/// a <see cref="HashSet{T}"/>'s 16-byte entries and 4-byte buckets, and growing it copies only the small table. Not
/// thread-safe: the store holds its lock.
/// </summary>
internal sealed class CommandIndex
{
    private const int FirstCapacity = 32;

    private readonly AppendLog<IdempotencyRecord> _records = new();
    private int[] _slots = []; // log index + 1; 0 is empty

    /// <summary>Gets how many records are kept.</summary>
    public int Count => _records.Count;

    /// <summary>Finds the record of a command ID.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <returns>The record, or null.</returns>
    public IdempotencyRecord? Find(CommandId commandId)
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

            var record = _records[position - 1];
            if (record.CommandId == commandId)
            {
                return record;
            }
        }
    }

    /// <summary>Adds a record whose command ID is not kept yet (the caller has checked with <see cref="Find"/>).</summary>
    /// <param name="record">The record.</param>
    public void Add(IdempotencyRecord record)
    {
        if ((_records.Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        _records.Add(record);
        Place(_slots, record.CommandId, _records.Count);
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
        for (var i = 0; i < _records.Count; i++)
        {
            Place(slots, _records[i].CommandId, i + 1);
        }

        _slots = slots;
    }
}
