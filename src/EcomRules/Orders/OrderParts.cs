using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Merchants;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Orders;

// The parts of an Order, split by when they change so a transition copies little (see Order). Records: an order's
// value equality is the equality of its parts.

/// <summary>What is fixed when an order is placed, with the merchant that sells it on a multi-merchant platform (MER-3), if any.</summary>
internal sealed record OrderPlacement(OrderId Id, CustomerIdentity Buyer, ImmutableArray<OrderLine> Lines, Money Goods, Money Freight, WarehouseId Warehouse, Instant PlacedAt,
    MerchantId? Merchant);

/// <summary>The payment and the dates it fixes (DSP-2, DSP-3, ORD-3, INV-2).</summary>
internal sealed record OrderPayment(Instant? At, Money Amount, LocalDate? DispatchDate, Instant? DispatchDeadline, LocalDate? InvoiceBatchDate)
{
    public static OrderPayment None { get; } = new(null, Money.Zero, null, null, null);
}

/// <summary>The shipment and its tracking (CAR-3, ORD-3).</summary>
internal sealed record OrderShipment(CarrierId? Carrier, string? TrackingNumber, Instant? At, bool? OnTime, TrackingEventKind? LastEvent)
{
    public static OrderShipment None { get; } = new(null, null, null, null, null);
}

/// <summary>Receipt, returns and refunds (RET-1, RET-2, REF-1).</summary>
internal sealed record OrderAfterSales(Instant? ReceivedAt, Instant? ReturnWindowClosesAt, int OpenReturns, Money Refunded, Money RefundReserved, ImmutableDictionary<string, int> ReturnedQuantities)
{
    public static OrderAfterSales None { get; } = new(null, null, 0, Money.Zero, Money.Zero, ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal));
}

/// <summary>When the order completed or was cancelled.</summary>
internal sealed record OrderEnd(Instant? CompletedAt, Instant? CancelledAt);
