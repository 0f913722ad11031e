using EcomRules.Queues;

namespace EcomRules.Ports;

/// <summary>
/// Staff work queues read from a store, paged and ordered (<see cref="WorkQueueQuery"/>): refunds awaiting approval,
/// returns awaiting a decision or inspection, dispatch deadlines in a window, SLA timers by time left. The in-memory,
/// SQLite and PostgreSQL stores implement it, the durable ones with indexes.
/// </summary>
public interface IWorkQueueStore
{
    /// <summary>Reads one page of a work queue.</summary>
    /// <param name="query">The queue and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    ValueTask<WorkQueuePage> ReadWorkQueueAsync(WorkQueueQuery query, CancellationToken cancellationToken = default);
}
