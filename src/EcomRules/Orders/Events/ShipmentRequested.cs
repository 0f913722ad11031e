using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The parcel is to be handed to a carrier: the preferred one, or a backup if it fails or refuses (CAR-1, CAR-2); the outbox dispatcher books it.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="From">The dispatching warehouse.</param>
/// <param name="To">The delivery address.</param>
/// <param name="Carriers">The carriers, preferred first.</param>
/// <param name="InvoiceNumber">The invoice travelling with the parcel (INV-2).</param>
public sealed record ShipmentRequested(AggregateKey Source, Instant At, WarehouseId From, Address To, ImmutableArray<CarrierId> Carriers, string InvoiceNumber) : DomainEvent(Source, At)
{
    /// <summary>Describes the event without personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"ShipmentRequested for {Source} at {At}";
}
