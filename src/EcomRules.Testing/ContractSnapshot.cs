using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>What a store shows for some aggregates, to prove a failed save changed nothing.</summary>
internal sealed class ContractSnapshot
{
    private readonly StoredAggregate?[] _aggregates;
    private readonly IReadOnlyList<AuditEntry>[] _audits;
    private readonly IReadOnlyList<StoredOutboxMessage>? _outbox;
    private readonly IReadOnlyList<TimerRequest>? _timers;

    private ContractSnapshot(StoredAggregate?[] aggregates, IReadOnlyList<AuditEntry>[] audits, IReadOnlyList<StoredOutboxMessage>? outbox, IReadOnlyList<TimerRequest>? timers)
    {
        _aggregates = aggregates;
        _audits = audits;
        _outbox = outbox;
        _timers = timers;
    }

    /// <summary>Reads the aggregates and their audit trails, and the outbox and timers when the store shows them.</summary>
    internal static async Task<ContractSnapshot> TakeAsync(IEcomStore store, IReadOnlyList<AggregateKey> keys, CancellationToken cancellationToken)
    {
        var aggregates = new StoredAggregate?[keys.Count];
        var audits = new IReadOnlyList<AuditEntry>[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            aggregates[i] = await store.LoadAsync(keys[i], cancellationToken).ConfigureAwait(false);
            audits[i] = await store.ReadAuditAsync(keys[i], cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<StoredOutboxMessage>? outbox = null;
        IReadOnlyList<TimerRequest>? timers = null;
        if (store is IEcomStoreInspection inspection)
        {
            outbox = await inspection.ReadOutboxAsync(cancellationToken).ConfigureAwait(false);
            timers = await inspection.ReadTimersAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ContractSnapshot(aggregates, audits, outbox, timers);
    }

    /// <summary>Checks that the store still shows what it showed before the failed save, and no record of its command.</summary>
    internal async Task CheckUnchangedAsync(IEcomStore store, IReadOnlyList<AggregateKey> keys, IdempotencyRecord? recordBefore, ChangeSet rejected, string what, CancellationToken cancellationToken)
    {
        var after = await TakeAsync(store, keys, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            ContractCheck.Equal(_aggregates[i], after._aggregates[i], $"{what}: {keys[i]} after the failed save");
            ContractCheck.SequenceEqual(_audits[i], after._audits[i], $"{what}: audit trail of {keys[i]} after the failed save");
        }

        if (_outbox is not null && after._outbox is not null)
        {
            ContractCheck.SequenceEqual(_outbox, after._outbox, $"{what}: outbox after the failed save");
        }

        if (_timers is not null && after._timers is not null)
        {
            ContractCheck.SequenceEqual(_timers, after._timers, $"{what}: timers after the failed save");
        }

        var record = await store.FindCommandAsync(rejected.Record.CommandId, cancellationToken).ConfigureAwait(false);
        ContractCheck.Equal(recordBefore, record, $"{what}: record of command {rejected.Record.CommandId} after the failed save");
    }
}
