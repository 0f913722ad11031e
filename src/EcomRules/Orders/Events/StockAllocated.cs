using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>Stock was reserved and the delivery note made.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Warehouse">The dispatching warehouse.</param>
/// <param name="DeliveryNote">The delivery note number.</param>
public sealed record StockAllocated(AggregateKey Source, Instant At, WarehouseId Warehouse, string DeliveryNote) : DomainEvent(Source, At);
