using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

public sealed partial class InMemoryEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<IReadOnlyList<DueTimer>> ListTimersAsync(Instant dueFrom, int max, DueTimer? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var listed = SortedTimers(_timers.Values.Where(t => t.DueAt is { } due && due >= dueFrom
                    && (after is null || due > after.DueAt || (due == after.DueAt && string.CompareOrdinal(t.TimerId, after.TimerId) > 0))))
                .Take(max)
                .Select(t => new DueTimer(t.TimerId, t.Target, t.Kind, t.DueAt!.Value))
                .ToArray();
            return new ValueTask<IReadOnlyList<DueTimer>>(listed);
        }
    }
}
