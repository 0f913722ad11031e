using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Queues;

/// <summary>One entry of a staff work queue: which aggregate waits, and since or until when.</summary>
/// <param name="Queue">The queue.</param>
/// <param name="Key">The aggregate that waits (read it with <c>engine.GetAsync</c> for the details).</param>
/// <param name="Name">What within the aggregate: the SLA's ID (<c>SLA-1</c>) in <see cref="WorkQueue.SlaBreach"/>,
/// <c>dispatch</c> in <see cref="WorkQueue.DispatchDeadline"/>, empty in the other queues.</param>
/// <param name="DueAt">The instant the queue is ordered by: when the refund or return was requested, the dispatch
/// deadline, or the SLA's breach instant (its time left is <c>DueAt - now</c>).</param>
public sealed record WorkItem(WorkQueue Queue, AggregateKey Key, string Name, Instant DueAt)
{
    /// <summary>Makes the item of a durable timer (for store adapters): its name is the timer ID after <c>{kind}/{id}/</c>.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="key">The timer's aggregate.</param>
    /// <param name="timerId">The timer's ID.</param>
    /// <param name="dueAt">When the timer is due.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timerId"/> is null.</exception>
    public static WorkItem ForTimer(WorkQueue queue, AggregateKey key, string timerId, Instant dueAt)
    {
        ArgumentNullException.ThrowIfNull(timerId);
        var prefix = key.Kind.Length + key.Id.Length + 2;
        var named = timerId.Length > prefix && timerId.StartsWith(key.Kind, StringComparison.Ordinal) && timerId[key.Kind.Length] == '/'
            && string.CompareOrdinal(timerId, key.Kind.Length + 1, key.Id, 0, key.Id.Length) == 0 && timerId[prefix - 1] == '/';
        return new WorkItem(queue, key, named ? timerId[prefix..] : timerId, dueAt);
    }

    /// <summary>Gets the ID of the durable timer this item is made from (<c>{kind}/{id}/{name}</c>), as stores order timers.</summary>
    public string TimerId => $"{Key.Kind}/{Key.Id}/{Name}";
}
