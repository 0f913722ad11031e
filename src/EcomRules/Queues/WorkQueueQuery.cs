using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Queues;

/// <summary>
/// Asks a store (<see cref="Ports.IWorkQueueStore"/>) for one page of a staff work queue. Create one with the factory
/// methods; every queue is ordered by <see cref="WorkItem.DueAt"/>, then by aggregate ID and item name (ordinal), and
/// is paged by position (the page after <see cref="After"/>), so a page is never skipped or repeated while items come
/// and go.
/// </summary>
public sealed record WorkQueueQuery
{
    /// <summary>The most items one page may hold.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The page size the factory methods use by default.</summary>
    public const int DefaultPageSize = 50;

    private WorkQueueQuery(WorkQueue queue, int pageSize)
    {
        Preconditions.CheckArgument(pageSize is > 0 and <= MaxPageSize, nameof(pageSize), $"A page holds 1 to {MaxPageSize} items; {pageSize} asked.");
        Queue = queue;
        PageSize = pageSize;
    }

    /// <summary>Gets the queue.</summary>
    public WorkQueue Queue { get; }

    /// <summary>Gets how many items a page holds at most.</summary>
    public int PageSize { get; }

    /// <summary>Gets the role whose approval the refunds wait for (<see cref="WorkQueue.RefundApproval"/> only).</summary>
    public ActorRole? Role { get; private init; }

    /// <summary>Gets the person the queue is for, whose own requests it leaves out (REF-3; <see cref="WorkQueue.RefundApproval"/> only).</summary>
    public string? ActorId { get; private init; }

    /// <summary>Gets the start of the window (inclusive), or null for no start.</summary>
    public Instant? From { get; private init; }

    /// <summary>Gets the end of the window (exclusive), or null for no end.</summary>
    public Instant? Before { get; private init; }

    /// <summary>Gets the last item of the previous page; null for the first page.</summary>
    public WorkItem? After { get; private init; }

    /// <summary>
    /// Gets the kind of durable timer a timer-backed queue lists (<c>dispatch-deadline</c>, <c>sla-breach</c>), or
    /// null for a queue of aggregates in a state: what a store adapter reads.
    /// </summary>
    public string? TimerKind => Queue switch
    {
        WorkQueue.DispatchDeadline => "dispatch-deadline", // the order module's kind (a test checks they agree); the kernel names no module
        WorkQueue.SlaBreach => Deadlines.SlaSchedule.BreachTimerKind,
        _ => null,
    };

    /// <summary>
    /// Gets the aggregate kind and the state (as stored: the enum member's name) of an aggregate-backed queue, or
    /// null for a timer-backed one: what a store adapter reads. Its items' <see cref="WorkItem.DueAt"/> is the
    /// aggregate's <c>requestedAt</c>.
    /// </summary>
    public (string Kind, string State)? AwaitedState => Queue switch
    {
        WorkQueue.RefundApproval => (Refunds.RefundId.Kind, nameof(Refunds.RefundState.Requested)),
        WorkQueue.ReturnDecision => (Returns.ReturnCaseId.Kind, nameof(Returns.ReturnState.Requested)),
        WorkQueue.ReturnInspection => (Returns.ReturnCaseId.Kind, nameof(Returns.ReturnState.ReturnShipped)),
        _ => null,
    };

    /// <summary>Refunds waiting for approval by <paramref name="role"/> (REF-2), without those <paramref name="actorId"/> requested (REF-3).</summary>
    /// <param name="role">The approver's role: the sales department head or headquarters by the refund's amount.</param>
    /// <param name="actorId">The approver looking at the queue.</param>
    /// <param name="pageSize">Items per page. The default is 50.</param>
    /// <returns>The query for the first page.</returns>
    /// <exception cref="ArgumentException"><paramref name="role"/> is default, <paramref name="actorId"/> is blank, or <paramref name="pageSize"/> is not 1–500.</exception>
    public static WorkQueueQuery RefundsAwaitingApproval(ActorRole role, string actorId, int pageSize = DefaultPageSize)
    {
        Preconditions.CheckArgument(role.Value.Length > 0, nameof(role), "The approver's role is missing.");
        return new(WorkQueue.RefundApproval, pageSize) { Role = role, ActorId = Preconditions.CheckNotBlank(actorId) };
    }

    /// <summary>Return cases waiting for a decision (RET-3).</summary>
    /// <param name="pageSize">Items per page. The default is 50.</param>
    /// <returns>The query for the first page.</returns>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is not 1–500.</exception>
    public static WorkQueueQuery ReturnsAwaitingDecision(int pageSize = DefaultPageSize) => new(WorkQueue.ReturnDecision, pageSize);

    /// <summary>Return cases waiting for inspection (RET-4).</summary>
    /// <param name="pageSize">Items per page. The default is 50.</param>
    /// <returns>The query for the first page.</returns>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is not 1–500.</exception>
    public static WorkQueueQuery ReturnsAwaitingInspection(int pageSize = DefaultPageSize) => new(WorkQueue.ReturnInspection, pageSize);

    /// <summary>Orders whose pending dispatch deadline (ORD-3) falls in [<paramref name="from"/>, <paramref name="before"/>).</summary>
    /// <param name="from">The start of the window (inclusive).</param>
    /// <param name="before">The end of the window (exclusive).</param>
    /// <param name="pageSize">Items per page. The default is 50.</param>
    /// <returns>The query for the first page.</returns>
    /// <exception cref="ArgumentException"><paramref name="before"/> is not after <paramref name="from"/>, or <paramref name="pageSize"/> is not 1–500.</exception>
    public static WorkQueueQuery DispatchDeadlinesBetween(Instant from, Instant before, int pageSize = DefaultPageSize)
    {
        Preconditions.CheckArgument(before > from, nameof(before), $"The window ends ({before}) before it starts ({from}).");
        return new(WorkQueue.DispatchDeadline, pageSize) { From = from, Before = before };
    }

    /// <summary>SLA timers running towards a breach (SLA-8), soonest breach first; optionally only those breaching before <paramref name="before"/>.</summary>
    /// <param name="before">Only timers breaching before this instant; null for all. The default is null.</param>
    /// <param name="pageSize">Items per page. The default is 50.</param>
    /// <returns>The query for the first page.</returns>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is not 1–500.</exception>
    public static WorkQueueQuery RunningSlas(Instant? before = null, int pageSize = DefaultPageSize) => new(WorkQueue.SlaBreach, pageSize) { Before = before };

    /// <summary>Gets the query for the page after <paramref name="last"/>.</summary>
    /// <param name="last">The last item of the current page.</param>
    /// <returns>The query for the next page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="last"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> is from another queue.</exception>
    public WorkQueueQuery NextAfter(WorkItem last)
    {
        ArgumentNullException.ThrowIfNull(last);
        Preconditions.CheckArgument(last.Queue == Queue, nameof(last), $"The item is from the {last.Queue} queue, not {Queue}.");
        return this with { After = last };
    }

    /// <summary>Gets whether an item belongs after <see cref="After"/> in this queue's order (for stores that filter in memory).</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it comes after the cursor (always, on the first page).</returns>
    public bool IsAfterCursor(WorkItem item)
        => After is null || Compare(item, After) > 0;

    /// <summary>Orders two items of one queue: by <see cref="WorkItem.DueAt"/>, aggregate ID, then name (ordinal).</summary>
    /// <param name="x">One item.</param>
    /// <param name="y">The other.</param>
    /// <returns>Negative, zero or positive, as <paramref name="x"/> comes first, equal or after.</returns>
    public static int Compare(WorkItem x, WorkItem y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byDue = x.DueAt.CompareTo(y.DueAt);
        if (byDue != 0)
        {
            return byDue;
        }

        var byId = string.CompareOrdinal(x.Key.Id, y.Key.Id);
        return byId != 0 ? byId : string.CompareOrdinal(x.Name, y.Name);
    }

    /// <summary>Makes a page from up to <see cref="PageSize"/> + 1 items in order (the extra one only says there is more).</summary>
    /// <param name="items">The items read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public WorkQueuePage ToPage(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= PageSize)
        {
            return new WorkQueuePage(items, null);
        }

        var page = items.Take(PageSize).ToArray();
        return new WorkQueuePage(page, NextAfter(page[^1]));
    }
}
