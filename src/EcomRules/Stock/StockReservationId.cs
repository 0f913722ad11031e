using EcomRules.Commands;
using EcomRules.Orders;

namespace EcomRules.Stock;

/// <summary>Identifies the stock reserved for one order (WH-3) when the policy tracks stock. The store key is <c>stock-reservation/{order}</c>.</summary>
/// <param name="Order">The order.</param>
public readonly record struct StockReservationId(OrderId Order) : IAggregateId<StockReservation>
{
    /// <summary>The aggregate kind of stock reservations in the store.</summary>
    public const string Kind = "stock-reservation";

    /// <summary>Gets the reservation's key in the store.</summary>
    public AggregateKey Key => new(Kind, Order.Value);

    /// <inheritdoc />
    public override string ToString() => Order.Value;
}
