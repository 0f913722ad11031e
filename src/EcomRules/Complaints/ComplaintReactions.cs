using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Processing;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// How the complaints module reacts to other modules' events (registered in <see cref="OutboxReactionRegistry.Default"/>):
/// a return case archived closes the complaints filed about it (<see cref="CloseComplaintWithReturnCase"/>, AFS-1); an
/// order's request for a follow-up visit opens the visit task (<see cref="OpenFollowUpVisit"/>, ORD-5). Command IDs
/// are derived from the message's idempotency key, so a redelivery has no second effect.
/// </summary>
internal static class ComplaintReactions
{
    public static OutboxReactionRegistry Register(OutboxReactionRegistry registry) => registry
        .Add<ReturnArchived>(CloseComplaintsAsync)
        .Add<FollowUpVisitRequested>(static (e, key, _, _, _) =>
            ValueTask.FromResult<IReadOnlyList<EcomCommand>>([new OpenFollowUpVisit(new CommandId(key + "/follow-up"), Actor.System, e.At, new FollowUpVisitId(new OrderId(e.Source.Id)))]));

    private static async ValueTask<IReadOnlyList<EcomCommand>> CloseComplaintsAsync(ReturnArchived archived, string key, Instant now, EcomEngine engine, CancellationToken cancellationToken)
    {
        var caseId = ReturnCaseId.FromKey(archived.Source);
        var index = await engine.GetAsync(new ReturnCaseComplaintsId(caseId), cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return [];
        }

        var commands = new List<EcomCommand>(index.Aggregate.Complaints.Length);
        foreach (var complaint in index.Aggregate.Complaints)
        {
            commands.Add(new CloseComplaintWithReturnCase(new CommandId(key + "/complaint/" + complaint.Number), Actor.System, archived.At, complaint, caseId));
        }

        return commands;
    }
}
