using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Returns;
using EcomRules.Returns.Events;

namespace EcomRules.Complaints;

/// <summary>
/// How the complaints module reacts to other modules' events (registered in <see cref="Engine.EcomModules.OutboxHandlers"/>):
/// an archived return case closes the complaints about it (AFS-1), a completed order's follow-up visit opens as a task
/// with its own due date (ORD-5), and a complaint closed upheld against its order's merchant is recorded against the
/// merchant (MER-3). The order and return modules know nothing of complaints; the merchant module knows nothing of them either.
/// </summary>
internal static class ComplaintOutbox
{
    /// <summary>Adds the reactions to <see cref="ReturnArchived"/>, <see cref="FollowUpVisitRequested"/> and <see cref="ComplaintUpheldAgainstMerchant"/>.</summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<ReturnArchived>(CloseComplaintsAsync)
        // MER-3: one violation per upheld complaint; the follow-up's ID and instant come from the message, so a second
        // delivery replays the first decision.
        .Add<ComplaintUpheldAgainstMerchant>(static (delivery, e, cancellationToken) => delivery.FollowUpAsync(
            new RecordMerchantViolation(delivery.FollowUpId, Actor.System, e.At, e.Merchant, ViolationKind.ComplaintUpheld, e.Source.Id,
                $"Complaint {e.Source.Id} closed ({e.Resolution}) upheld against the merchant."),
            cancellationToken))
        .Add<FollowUpVisitRequested>(static (delivery, e, cancellationToken) => delivery.FollowUpAsync(
            new OpenFollowUpVisit(new CommandId(delivery.IdempotencyKey + "/follow-up"), Actor.System, e.At, new FollowUpVisitId(new OrderId(e.Source.Id))),
            cancellationToken));

    private static async ValueTask<bool> CloseComplaintsAsync(OutboxDelivery delivery, ReturnArchived archived, CancellationToken cancellationToken)
    {
        var caseId = ReturnCaseId.FromKey(archived.Source);
        var index = await delivery.GetAsync(new ReturnCaseComplaintsId(caseId), cancellationToken).ConfigureAwait(false);
        var done = true;
        foreach (var complaint in index?.Aggregate.Complaints ?? [])
        {
            done &= await delivery.FollowUpAsync(
                new CloseComplaintWithReturnCase(new CommandId(delivery.IdempotencyKey + "/complaint/" + complaint.Number), Actor.System, archived.At, complaint, caseId),
                cancellationToken).ConfigureAwait(false);
        }

        return done;
    }
}
