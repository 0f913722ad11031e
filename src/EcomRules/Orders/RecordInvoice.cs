using EcomRules.Commands;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Records the invoice the invoice issuer made. It must cover goods and freight (INV-1). Asks for the shipment with
/// the carriers ranked by the policy's fee tables (CAR-1, CAR-2).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it (the invoicing integration).</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
/// <param name="InvoiceNumber">The invoice number.</param>
/// <param name="Amount">The amount invoiced.</param>
public sealed record RecordInvoice(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, string InvoiceNumber, Money Amount)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.Invoice;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        if (Amount != order.Total)
        {
            return CommandOutcome.Refuse(RuleIds.Inv1, $"The invoice of {Amount} does not cover goods and freight ({order.Goods} + {order.Freight} = {order.Total}).");
        }

        var carriers = policy.Carriers.RankedIds(order.ShipTo.Province);
        return Accept(order, order.Invoicing(InvoiceNumber), version, new DomainEvent[]
        {
            new OrderInvoiced(Target, At, InvoiceNumber, Amount),
            new ShipmentRequested(Target, At, order.Warehouse, order.ShipTo, carriers, InvoiceNumber),
        });
    }

    // INV-1: every order gets an invoice, identified by its number.
    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(InvoiceNumber)
            ? new InputProblem("An invoice number is required.", RuleIds.Inv1)
            : limits.Code(InvoiceNumber, "invoice number");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("invoice", InvoiceNumber).Add("amount", Amount);
}
