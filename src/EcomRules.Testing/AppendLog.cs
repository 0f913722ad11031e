namespace EcomRules.Testing;

/// <summary>
/// An append-only list in fixed segments: adding never copies what is there (a <see cref="List{T}"/> copies its
/// whole array each time it grows), and a long log is never one large object. For the in-memory store's audit trail
/// and outbox, which only grow.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class AppendLog<T>
{
    private const int SegmentShift = 8;
    private const int SegmentSize = 1 << SegmentShift; // 256 items
    private const int SegmentMask = SegmentSize - 1;

    private readonly List<T[]> _segments = [];

    /// <summary>Gets how many items were added.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ref readonly T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return ref _segments[index >> SegmentShift][index & SegmentMask];
        }
    }

    /// <summary>Adds an item at the end.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        var offset = Count & SegmentMask;
        if (offset == 0 && Count >> SegmentShift == _segments.Count)
        {
            _segments.Add(new T[SegmentSize]);
        }

        _segments[Count >> SegmentShift][offset] = item;
        Count++;
    }

    /// <summary>Copies the items into a new array.</summary>
    /// <returns>The items in the order added.</returns>
    public T[] ToArray()
    {
        var items = new T[Count];
        for (var copied = 0; copied < Count; copied += SegmentSize)
        {
            _segments[copied >> SegmentShift].AsSpan(0, Math.Min(SegmentSize, Count - copied)).CopyTo(items.AsSpan(copied));
        }

        return items;
    }
}
