using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>
/// An exchange ships a replacement instead of refunding, a repair ships the repaired goods back (RET-5): the outbox
/// dispatcher books it with a carrier like an order's shipment (idempotency key, failover, CAR-2) and records it on the
/// case (<see cref="RecordReplacementShipment"/>).
/// </summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="From">The warehouse that ships it.</param>
/// <param name="Lines">The items and units to replace.</param>
/// <param name="To">The delivery address (the order's); null in events stored before replacements shipped, which book nothing.</param>
/// <param name="Carriers">The carriers, preferred first (CAR-2); empty in events stored before replacements shipped.</param>
public sealed record ReplacementShipmentRequested(AggregateKey Source, Instant At, WarehouseId From, ImmutableArray<ReturnLine> Lines,
    Address? To = null, ImmutableArray<CarrierId> Carriers = default) : DomainEvent(Source, At)
{
    /// <summary>Describes the event without personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"ReplacementShipmentRequested for {Source} at {At}";
}
