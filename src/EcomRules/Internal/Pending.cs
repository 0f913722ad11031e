namespace EcomRules.Internal;

/// <summary>
/// Collects the few events or timer requests one decision produces (usually none to four) without a
/// <see cref="List{T}"/> per command: the first four are held inline, more in a list, and
/// <see cref="ToReadOnlyList"/> gives them in an array of exactly their number. A mutable struct: pass it by
/// <c>ref</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal struct Pending<T>
    where T : class
{
    private T? _item0;
    private T? _item1;
    private T? _item2;
    private T? _item3;
    private List<T>? _more;

    /// <summary>Gets how many items were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an item.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        switch (Count)
        {
            case 0: _item0 = item; break;
            case 1: _item1 = item; break;
            case 2: _item2 = item; break;
            case 3: _item3 = item; break;
            default: (_more ??= []).Add(item); break;
        }

        Count++;
    }

    /// <summary>Gets the items in the order added: an empty list, or an array of exactly <see cref="Count"/>.</summary>
    /// <returns>The items.</returns>
    public readonly IReadOnlyList<T> ToReadOnlyList()
    {
        if (Count == 0)
        {
            return [];
        }

        var items = new T[Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = i switch
            {
                0 => _item0!,
                1 => _item1!,
                2 => _item2!,
                3 => _item3!,
                _ => _more![i - 4],
            };
        }

        return items;
    }
}
