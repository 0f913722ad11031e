using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Refunds.Events;

namespace EcomRules.Refunds;

/// <summary>How the refund module's outbox messages reach the ports (registered in <see cref="Engine.EcomModules.OutboxHandlers"/>).</summary>
internal static class RefundOutbox
{
    /// <summary>Adds the handler of red-letter credit notes (INV-3).</summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<CreditNoteRequested>(IssueCreditNoteAsync);

    private static async ValueTask<bool> IssueCreditNoteAsync(OutboxDelivery delivery, CreditNoteRequested credit, CancellationToken cancellationToken)
    {
        // INV-3: the tax system may answer "pending" and report the number later.
        var result = await delivery.Invoices.IssueCreditNoteAsync(new CreditNoteRequest(credit.IdempotencyKey, credit.Source, credit.InvoiceNumber, credit.Amount), cancellationToken).ConfigureAwait(false);
        return result.IsPending
            || await delivery.FollowUpAsync(new RecordCreditNote(delivery.FollowUpId, Actor.System, delivery.Now, RefundId.FromKey(credit.Source), result.CreditNoteNumber!), cancellationToken).ConfigureAwait(false);
    }
}
