using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>An order was placed (ORD-1) and routed to its warehouse (WH-1).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Warehouse">The dispatching warehouse (WH-1).</param>
/// <param name="Goods">The goods amount.</param>
/// <param name="Freight">The freight (CAR-1).</param>
public sealed record OrderPlaced(AggregateKey Source, Instant At, WarehouseId Warehouse, Money Goods, Money Freight) : DomainEvent(Source, At);
