using EcomRules.Commands;
using EcomRules.Orders;

namespace EcomRules.Complaints;

/// <summary>Identifies the follow-up visit (回访) of a completed order (ORD-5): one per order. The store key is <c>follow-up/{order}</c>.</summary>
/// <param name="Order">The order.</param>
public readonly record struct FollowUpVisitId(OrderId Order) : IPersonalDataId<FollowUpVisit>
{
    /// <summary>The aggregate kind of follow-up visits in the store.</summary>
    public const string Kind = "follow-up";

    /// <summary>Gets the visit's key in the store.</summary>
    public AggregateKey Key => new(Kind, Order.Value);

    /// <inheritdoc />
    public override string ToString() => Order.Value;
}
