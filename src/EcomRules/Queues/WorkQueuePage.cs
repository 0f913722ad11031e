namespace EcomRules.Queues;

/// <summary>One page of a work queue.</summary>
/// <param name="Items">The items, in the queue's order.</param>
/// <param name="Next">The query for the next page; null when this page is the last.</param>
public sealed record WorkQueuePage(IReadOnlyList<WorkItem> Items, WorkQueueQuery? Next);
