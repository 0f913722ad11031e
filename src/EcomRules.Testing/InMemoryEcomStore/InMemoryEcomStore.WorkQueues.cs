using EcomRules.Ports;
using EcomRules.Queues;
using EcomRules.Refunds;
using EcomRules.Returns;

namespace EcomRules.Testing;

/// <content>Staff work queues, by a scan of everything stored (the durable stores use indexes).</content>
public sealed partial class InMemoryEcomStore : IWorkQueueStore
{
    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<WorkQueuePage> ReadWorkQueueAsync(WorkQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<WorkQueuePage>(cancellationToken);
        }

        var items = new List<WorkItem>();
        lock (_gate)
        {
            if (query.TimerKind is { } kind)
            {
                foreach (var timer in _timers.Values)
                {
                    if (string.Equals(timer.Kind, kind, StringComparison.Ordinal) && timer.DueAt is { } due)
                    {
                        items.Add(WorkItem.ForTimer(query.Queue, timer.Target, timer.TimerId, due));
                    }
                }
            }
            else
            {
                foreach (var stored in _aggregates.Values)
                {
                    if (Awaits(query, stored.State) is { } requestedAt)
                    {
                        items.Add(new WorkItem(query.Queue, stored.Key, string.Empty, requestedAt));
                    }
                }
            }
        }

        items.RemoveAll(i => !query.IsAfterCursor(i) || (query.From is { } from && i.DueAt < from) || (query.Before is { } before && i.DueAt >= before));
        items.Sort(WorkQueueQuery.Compare);
        if (items.Count > query.PageSize + 1)
        {
            items.RemoveRange(query.PageSize + 1, items.Count - query.PageSize - 1);
        }

        return ValueTask.FromResult(query.ToPage(items));
    }

    private static NodaTime.Instant? Awaits(WorkQueueQuery query, object state) => (query.Queue, state) switch
    {
        // REF-2: the approval step of the role the amount needs; REF-3: never the requester's own refund.
        (WorkQueue.RefundApproval, Refund { State: RefundState.Requested } refund)
            when refund.ApproverRole == query.Role && !string.Equals(refund.RequestedBy, query.ActorId, StringComparison.Ordinal) => refund.RequestedAt,
        (WorkQueue.ReturnDecision, ReturnCase { State: ReturnState.Requested } requested) => requested.RequestedAt,
        (WorkQueue.ReturnInspection, ReturnCase { State: ReturnState.ReturnShipped } shipped) => shipped.RequestedAt,
        _ => null,
    };
}
