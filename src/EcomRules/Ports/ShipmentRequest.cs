using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;

namespace EcomRules.Ports;

/// <summary>Asks a carrier to pick up a parcel (CAR-2, CAR-3).</summary>
/// <param name="IdempotencyKey">Unique per request and carrier; a repeat must not book a second pickup.</param>
/// <param name="Order">The order.</param>
/// <param name="Carrier">The carrier asked.</param>
/// <param name="From">The dispatching warehouse (WH-1).</param>
/// <param name="To">The delivery address.</param>
/// <param name="InvoiceNumber">The invoice travelling with the parcel (INV-2).</param>
public sealed record ShipmentRequest(string IdempotencyKey, AggregateKey Order, CarrierId Carrier, WarehouseId From, Address To, string? InvoiceNumber)
{
    /// <summary>Describes the request without the address (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"shipment {IdempotencyKey} for {Order} by {Carrier} from {From} to {To.Province.EnglishName}";
}
