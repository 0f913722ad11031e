using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Orders;

/// <summary>Identifies an order: the merchant's or platform's order number.</summary>
public readonly record struct OrderId : IPersonalDataId<Order>
{
    /// <summary>The aggregate kind of orders in the store.</summary>
    public const string Kind = "order";

    private readonly string? _value;

    /// <summary>Creates an order ID.</summary>
    /// <param name="value">The order number: 1–64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank, too long, or has white space or '/'.</exception>
    public OrderId(string value)
    {
        _value = Preconditions.CheckAggregateId(value, "an order ID");
    }

    /// <summary>Gets the order number.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the order's key in the store.</summary>
    public AggregateKey Key => new(Kind, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
