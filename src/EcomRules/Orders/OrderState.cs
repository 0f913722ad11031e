namespace EcomRules.Orders;

/// <summary>The states of an order (ORD-1).</summary>
public enum OrderState
{
    /// <summary>Superstate of every state before the buyer signs for receipt: the buyer may cancel (ORD-2). No order is ever in this state itself.</summary>
    Cancellable = 0,

    /// <summary>Placed, not yet paid.</summary>
    Placed = 1,

    /// <summary>Paid; waiting for the customer to be identified and the order entered.</summary>
    Paid = 2,

    /// <summary>Customer identified (CUS-3) and sales order entered.</summary>
    Confirmed = 3,

    /// <summary>Stock reserved and delivery note made.</summary>
    Allocated = 4,

    /// <summary>Invoice issued for goods and freight (INV-1).</summary>
    Invoiced = 5,

    /// <summary>Handed to the carrier with a tracking number (CAR-3).</summary>
    Shipped = 6,

    /// <summary>The customer signed for it; the return window runs (RET-2).</summary>
    Received = 7,

    /// <summary>The return window closed with no open return.</summary>
    Completed = 8,

    /// <summary>Cancelled before receipt, refunded in full (ORD-2).</summary>
    Cancelled = 9,
}
