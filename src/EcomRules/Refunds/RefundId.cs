using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Orders;

namespace EcomRules.Refunds;

/// <summary>
/// Identifies a refund: the order it refunds and a number unique within that order. The order is part of the ID so
/// that every refund command can load the order it reserves money on (REF-1).
/// </summary>
public readonly record struct RefundId : IAggregateId<Refund>
{
    /// <summary>The aggregate kind of refunds in the store.</summary>
    public const string Kind = "refund";

    private readonly string? _number;

    /// <summary>Creates a refund ID.</summary>
    /// <param name="order">The order refunded.</param>
    /// <param name="number">The refund's number within the order: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is default, or <paramref name="number"/> is not a valid number.</exception>
    public RefundId(OrderId order, string number)
    {
        Preconditions.CheckArgument(order.Value.Length > 0, nameof(order), "A refund belongs to an order.");
        Order = order;
        _number = Preconditions.CheckAggregateId(number, "a refund number");
    }

    /// <summary>Gets the order refunded.</summary>
    public OrderId Order { get; }

    /// <summary>Gets the number within the order.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>Gets the refund's key in the store (<c>refund/{order}/{number}</c>).</summary>
    public AggregateKey Key => new(Kind, Order.Value + "/" + Number);

    /// <summary>Gets the ID of the full refund made when an order is cancelled (ORD-2).</summary>
    /// <param name="order">The cancelled order.</param>
    /// <returns>The ID, numbered <c>cancel</c>.</returns>
    public static RefundId ForCancellation(OrderId order) => new(order, "cancel");

    /// <inheritdoc />
    public override string ToString() => Order.Value + "/" + Number;

    /// <summary>Reads a refund ID back from its store key (<c>{order}/{number}</c>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The refund ID.</returns>
    /// <exception cref="ArgumentException">The key is not a refund's key.</exception>
    public static RefundId FromKey(AggregateKey key)
    {
        var slash = key.Id.IndexOf('/', StringComparison.Ordinal);
        Internal.Preconditions.CheckArgument(string.Equals(key.Kind, Kind, StringComparison.Ordinal) && slash > 0 && slash < key.Id.Length - 1, nameof(key),
            $"{key} is not a refund's key.");
        return new RefundId(new OrderId(key.Id[..slash]), key.Id[(slash + 1)..]);
    }
}
