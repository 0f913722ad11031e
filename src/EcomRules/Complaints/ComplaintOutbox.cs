using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Returns;
using EcomRules.Returns.Events;

namespace EcomRules.Complaints;

/// <summary>
/// How the complaints module reacts to other modules' events (registered in <see cref="Engine.EcomModules.OutboxHandlers"/>):
/// an archived return case closes the complaints about it (AFS-1), and a completed order's follow-up visit opens as a task
/// with its own due date (ORD-5). The order and return modules know nothing of complaints.
/// </summary>
internal static class ComplaintOutbox
{
    /// <summary>Adds the reactions to <see cref="ReturnArchived"/> and <see cref="FollowUpVisitRequested"/>.</summary>
    public static OutboxHandlerRegistry Register(OutboxHandlerRegistry registry) => registry
        .Add<ReturnArchived>(CloseComplaintsAsync)
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
