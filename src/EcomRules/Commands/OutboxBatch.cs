using System.Collections;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// The outbox messages of one accepted command as a read-only list over its events: message <c>i</c> is created when
/// read (equal, by value, each time), so a store that keeps the batch allocates nothing per message on save.
/// </summary>
internal sealed class OutboxBatch(CommandId commandId, IReadOnlyList<DomainEvent> events, Instant createdAt) : IReadOnlyList<OutboxMessage>
{
    public int Count => events.Count;

    public OutboxMessage this[int index] => new(commandId, index, events[index], createdAt);

    public IEnumerator<OutboxMessage> GetEnumerator()
    {
        for (var i = 0; i < events.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
