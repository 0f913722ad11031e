using EcomRules.Internal;

namespace EcomRules.Commands;

/// <summary>Identifies one aggregate in the store: its kind (<c>"order"</c>, <c>"return"</c>, <c>"refund"</c>) and ID.</summary>
public readonly record struct AggregateKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="kind">The aggregate kind.</param>
    /// <param name="id">The aggregate's ID within its kind.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> or <paramref name="id"/> is blank.</exception>
    public AggregateKey(string kind, string id)
    {
        Kind = Preconditions.CheckNotBlank(kind);
        Id = Preconditions.CheckNotBlank(id);
    }

    /// <summary>Gets the aggregate kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the aggregate's ID within its kind.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}/{Id}";
}
