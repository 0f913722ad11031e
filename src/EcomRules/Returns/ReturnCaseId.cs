using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Orders;

namespace EcomRules.Returns;

/// <summary>
/// Identifies a return case: the order it concerns and a number unique within that order. The order is part of the ID
/// so that every return command can load the order it changes (open returns, returned quantities, refunds).
/// </summary>
public readonly record struct ReturnCaseId : IPersonalDataId<ReturnCase>
{
    /// <summary>The aggregate kind of return cases in the store.</summary>
    public const string Kind = "return";

    private readonly string? _number;

    /// <summary>Creates a return case ID.</summary>
    /// <param name="order">The order.</param>
    /// <param name="number">The case number within the order: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is default, or <paramref name="number"/> is not a valid number.</exception>
    public ReturnCaseId(OrderId order, string number)
    {
        Preconditions.CheckArgument(order.Value.Length > 0, nameof(order), "A return case belongs to an order.");
        Order = order;
        _number = Preconditions.CheckAggregateId(number, "a return case number");
    }

    /// <summary>Gets the order.</summary>
    public OrderId Order { get; }

    /// <summary>Gets the number within the order.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>Gets the case's key in the store (<c>return/{order}/{number}</c>).</summary>
    public AggregateKey Key => new(Kind, Order.Value + "/" + Number);

    /// <inheritdoc />
    public override string ToString() => Order.Value + "/" + Number;

    /// <summary>Reads a case's store key (<c>return/{order}/{number}</c>; a number never holds '/') back into its ID.</summary>
    internal static ReturnCaseId FromKey(AggregateKey key)
    {
        var slash = key.Id.LastIndexOf('/');
        return new ReturnCaseId(new OrderId(key.Id[..Math.Max(slash, 0)]), key.Id[(slash + 1)..]);
    }
}
