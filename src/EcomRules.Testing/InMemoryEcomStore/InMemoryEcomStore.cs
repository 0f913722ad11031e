using EcomRules.Commands;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="IEcomStore"/> in memory, for tests and samples: honours the store contract (<see cref="StoreContract"/>)
/// exactly, with one lock around everything, and completes synchronously. Aggregates and change sets are immutable, so
/// the store keeps references to the saved objects: every change set is kept as saved (the idempotency records, audit
/// trail and outbox are read from them), so memory grows with every command, each version's state included. Besides the port it offers inspection (<see cref="Outbox"/>, <see cref="Timers"/>,
/// <see cref="AuditTrail"/>) and the simple outbox and timer operations a single-process dispatcher needs
/// (<see cref="ClaimDueTimers"/>, <see cref="PendingOutbox"/>, <see cref="MarkDelivered"/>), and the leased outbox and
/// timer ports (<see cref="IOutboxStore"/>, <see cref="ITimerStore"/>) with the same semantics as the durable stores:
/// a claim holds until its lease expires, failures count attempts, and dead letters wait for a retry. Thread-safe.
/// </summary>
public sealed partial class InMemoryEcomStore : IEcomStore, IEcomStoreInspection, IOutboxStore, ITimerStore, IRetentionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AggregateKey, StoredAggregate> _aggregates = [];
    // Timers in a set keyed by their own IDs (16 bytes an entry, not a dictionary's 24 with the key beside the value).
    // Every change set as saved (change sets are immutable): the idempotency records, the audit trail and the outbox
    // (sequence = index + 1) are read from them, so saving adds one entry per command and builds no record, audit
    // entry or message. Delivery, claim and failure state is kept only for the messages touched.
    private readonly ChangeLog _log = new();
    private readonly Dictionary<string, int> _outboxIndex = new(StringComparer.Ordinal); // built on demand by MarkDelivered
    private readonly HashSet<TimerRequest> _timers = new(TimerRequest.IdComparer); // by timer ID
    private readonly Dictionary<int, OutboxState> _outboxStates = [];
    private readonly Dictionary<string, Lease> _timerLeases = new(StringComparer.Ordinal);
    private int _indexedOutbox;

    /// <summary>Creates an empty store.</summary>
    public InMemoryEcomStore()
    {
    }

    private static void CheckClaim(string owner, int max, Duration lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (lease <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), "A lease must be positive.");
        }
    }

    private static TimerRequest[] SortedTimers(IEnumerable<TimerRequest> timers)
    {
        var sorted = timers.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byDue = Nullable.Compare(a.DueAt, b.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.TimerId, b.TimerId);
        });
        return sorted;
    }

    private readonly record struct Lease(string Owner, Instant Until);
}
