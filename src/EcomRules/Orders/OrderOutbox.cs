using System.Globalization;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Merchants;
using EcomRules.Orders.Events;
using EcomRules.Ports;

namespace EcomRules.Orders;

/// <summary>How the order module's outbox messages reach the ports (registered in <see cref="Engine.EcomModules.OutboxHandlers"/>).</summary>
internal static class OrderOutbox
{
    /// <summary>
    /// Adds the handlers of invoices (INV-1), shipments (CAR-1, CAR-2), customer notifications, SLA warnings (SLA-8) and
    /// late dispatches of a merchant's orders (ORD-3, recorded against the merchant: MER-3).
    /// </summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<InvoiceRequested>(IssueInvoiceAsync)
        .Add<ShipmentRequested>(BookShipmentAsync)
        .Add<CustomerNotificationRequested>(NotifyCustomerAsync)
        .Add<SlaWarningRaised>(WarnStaffAsync)
        .Add<MerchantDispatchedLate>(RecordLateDispatchAsync);

    // MER-3: one violation per late order. The follow-up's ID and instant come from the message, so a second delivery
    // replays the first decision and the record counts the order once.
    private static ValueTask<bool> RecordLateDispatchAsync(OutboxDelivery delivery, MerchantDispatchedLate late, CancellationToken cancellationToken)
        => delivery.FollowUpAsync(
            new RecordMerchantViolation(delivery.FollowUpId, Actor.System, late.At, late.Merchant, ViolationKind.LateDispatch, late.Source.Id,
                string.Create(CultureInfo.InvariantCulture, $"Order {late.Source.Id} was dispatched at {late.At}, after its deadline {late.Deadline} (ORD-3).")),
            cancellationToken);

    private static async ValueTask<bool> IssueInvoiceAsync(OutboxDelivery delivery, InvoiceRequested invoice, CancellationToken cancellationToken)
    {
        var issued = await delivery.Invoices.IssueInvoiceAsync(
            new InvoiceRequest(delivery.IdempotencyKey, invoice.Source, invoice.BuyerName, invoice.BuyerTaxId, invoice.Goods, invoice.Freight, invoice.BatchDate),
            cancellationToken).ConfigureAwait(false);
        return await delivery.FollowUpAsync(
            new RecordInvoice(delivery.FollowUpId, Actor.System, delivery.Now, new OrderId(invoice.Source.Id), issued.InvoiceNumber, issued.Amount),
            cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<bool> BookShipmentAsync(OutboxDelivery delivery, ShipmentRequested shipment, CancellationToken cancellationToken)
    {
        // CAR-2: one carrier per attempt, chosen by how many attempts failed before.
        var routing = await delivery.Carriers.BookAsync(
            new ShipmentRequest(delivery.IdempotencyKey, shipment.Source, shipment.Carriers.IsDefaultOrEmpty ? default : shipment.Carriers[0], shipment.From, shipment.To, shipment.InvoiceNumber),
            shipment.Carriers.IsDefault ? [] : shipment.Carriers, delivery.Attempts, cancellationToken).ConfigureAwait(false);
        var booking = routing.Booking;
        return await delivery.FollowUpAsync(
            new RecordShipment(delivery.FollowUpId, Actor.System, delivery.Now, new OrderId(shipment.Source.Id), booking.Carrier, booking.TrackingNumber!),
            cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<bool> NotifyCustomerAsync(OutboxDelivery delivery, CustomerNotificationRequested notification, CancellationToken cancellationToken)
    {
        await delivery.Notifier.NotifyAsync(
            new CustomerNotification(delivery.IdempotencyKey, notification.Source, notification.Recipient, notification.Template, notification.Text),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async ValueTask<bool> WarnStaffAsync(OutboxDelivery delivery, SlaWarningRaised warning, CancellationToken cancellationToken)
    {
        // SLA-8: staff are warned, never the customer.
        await delivery.Notifier.NotifyStaffAsync(new StaffNotification(delivery.IdempotencyKey, warning.Source, "sla-warning", string.Create(CultureInfo.InvariantCulture,
            $"{warning.SlaId} on {warning.Source}: {warning.Threshold * 100:0.##} % of its time is used; it breaches at {warning.BreachAt} unless done first.")),
            cancellationToken).ConfigureAwait(false);
        return true;
    }
}
