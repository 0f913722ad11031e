namespace EcomRules.Testing;

/// <summary>
/// An append-only list in segments: adding never copies what is there (a <see cref="List{T}"/> copies its whole
/// array each time it grows), and a long log is never one large object. The first segments are small and double
/// (16, 32, 64, 128 items), so a store that sees a few commands stays small; then every segment holds 256. For the
/// in-memory store's log of change sets, which only grows.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class AppendLog<T>
{
    private const int FirstShift = 4; // the first segment holds 16 items
    private const int GrowingSegments = 4; // 16, 32, 64 and 128 items
    private const int GrowingItems = (1 << (FirstShift + GrowingSegments)) - (1 << FirstShift); // 240
    private const int SegmentShift = 8;
    private const int SegmentSize = 1 << SegmentShift; // 256 items, every segment after the growing ones
    private const int SegmentMask = SegmentSize - 1;

    private readonly List<T[]> _segments = [];

    /// <summary>Gets how many items were added.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ref readonly T this[int index] => ref At(index);

    /// <summary>Gets a writable reference to the item at <paramref name="index"/>.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ref T At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var (segment, offset) = Locate(index);
        return ref _segments[segment][offset];
    }

    /// <summary>Adds an item at the end.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        var (segment, offset) = Locate(Count);
        if (segment == _segments.Count)
        {
            _segments.Add(new T[segment < GrowingSegments ? 1 << (FirstShift + segment) : SegmentSize]);
        }

        _segments[segment][offset] = item;
        Count++;
    }

    /// <summary>Copies the items into a new array.</summary>
    /// <returns>The items in the order added.</returns>
    public T[] ToArray()
    {
        var items = new T[Count];
        var copied = 0;
        foreach (var segment in _segments)
        {
            var length = Math.Min(segment.Length, Count - copied);
            segment.AsSpan(0, length).CopyTo(items.AsSpan(copied));
            copied += length;
        }

        return items;
    }

    // The segment and offset of an index: in the growing segments, segment k starts at 16 * (2^k - 1).
    private static (int Segment, int Offset) Locate(int index)
    {
        if (index < GrowingItems)
        {
            var segment = System.Numerics.BitOperations.Log2((uint)(index >> FirstShift) + 1);
            return (segment, index - ((1 << (FirstShift + segment)) - (1 << FirstShift)));
        }

        var beyond = index - GrowingItems;
        return (GrowingSegments + (beyond >> SegmentShift), beyond & SegmentMask);
    }
}
