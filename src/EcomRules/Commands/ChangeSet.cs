using System.Collections.Immutable;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Everything one accepted command changes, which a store commits in one transaction or not at all: aggregate
/// writes (each with its expected version), one audit entry per aggregate changed (SEC-3), outbox messages, timers and
/// the idempotency record. A refused command's change set has only the idempotency record.
/// </summary>
/// <remarks>
/// <para>A change set is immutable: the constructor copies lists that could change afterwards, so a store may keep
/// the change set itself (the in-memory store does).</para>
/// <para>A change set made by <see cref="Engine.EcomEngine"/> builds its <see cref="Audit"/> entries and <see cref="Outbox"/>
/// messages from the command and its events when a store first reads them, so a store that keeps the change set, or
/// writes only some parts, pays for nothing it does not read.</para>
/// </remarks>
public sealed record ChangeSet
{
    private static readonly IReadOnlyList<AuditEntry> NoAudit = [];
    private static readonly IReadOnlyList<OutboxMessage> NoMessages = [];

    // Made by the engine: the record, audit entries and outbox messages are built from these on first read.
    private readonly IReadOnlyList<AggregateWrite> _writes;
    private readonly IReadOnlyList<TimerRequest> _timers;
    private Decision? _decision; // set once; cleared by Detach in a copy made with `with`
    private EcomCommand? _command;
    private readonly Instant _retainUntil; // ORD-6: the audit entries' retention, worked out when the decision is made
    private IdempotencyRecord? _record;
    private IReadOnlyList<AuditEntry>? _audit;
    private IReadOnlyList<OutboxMessage>? _outbox;

#pragma warning disable SA1313 // parameter names match the properties, as in a positional record
    /// <summary>Creates a change set.</summary>
    /// <param name="Record">The idempotency record of the command.</param>
    /// <param name="Writes">The aggregate writes.</param>
    /// <param name="Audit">The audit entries, one per aggregate the command changed (at least one when accepted); empty for a refusal.</param>
    /// <param name="Outbox">The events to deliver.</param>
    /// <param name="Timers">Timers to schedule, move or cancel.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ChangeSet(
        IdempotencyRecord Record,
        IReadOnlyList<AggregateWrite> Writes,
        IReadOnlyList<AuditEntry> Audit,
        IReadOnlyList<OutboxMessage> Outbox,
        IReadOnlyList<TimerRequest> Timers)
#pragma warning restore SA1313
    {
        _record = Record ?? throw new ArgumentNullException(nameof(Record));
        _writes = Frozen(Writes, nameof(Writes));
        _audit = Frozen(Audit, nameof(Audit));
        _outbox = Frozen(Outbox, nameof(Outbox));
        _timers = Frozen(Timers, nameof(Timers));
    }

    // The engine's change set: the lists are the domain's own (never changed after the decision), and the record,
    // audit entries and messages are derived from the decision and the command.
    private ChangeSet(Decision decision, IReadOnlyList<AggregateWrite> writes, IReadOnlyList<TimerRequest> timers, EcomCommand? command, Instant retainUntil)
    {
        _decision = decision;
        _writes = writes;
        _timers = timers;
        _command = command;
        _retainUntil = retainUntil;
        if (command is null)
        {
            _audit = NoAudit;
            _outbox = NoMessages;
        }
    }

    /// <summary>Gets the command ID the change set records (the <see cref="Record"/>'s, without building the record).</summary>
    public CommandId CommandId => _decision?.CommandId ?? Record.CommandId;

    /// <summary>Gets the idempotency record of the command.</summary>
    public IdempotencyRecord Record
    {
        get => _record ??= _decision!.Outcome;
        init
        {
            Detach();
            _record = value ?? throw new ArgumentNullException(nameof(value));
        }
    }

    /// <summary>Gets the aggregate writes.</summary>
    public IReadOnlyList<AggregateWrite> Writes
    {
        get => _writes;
        init
        {
            Detach();
            _writes = Frozen(value, nameof(Writes));
        }
    }

    /// <summary>Gets the audit entries, one per aggregate the command changed (at least one when accepted); empty for a refusal.</summary>
    public IReadOnlyList<AuditEntry> Audit
    {
        get => _audit ??= BuildAudit();
        init
        {
            Detach();
            _audit = Frozen(value, nameof(Audit));
        }
    }

    /// <summary>Gets the events to deliver.</summary>
    public IReadOnlyList<OutboxMessage> Outbox
    {
        get => _outbox ??= BuildOutbox();
        init
        {
            Detach();
            _outbox = Frozen(value, nameof(Outbox));
        }
    }

    /// <summary>Gets the timers to schedule, move or cancel.</summary>
    public IReadOnlyList<TimerRequest> Timers
    {
        get => _timers;
        init
        {
            Detach();
            _timers = Frozen(value, nameof(Timers));
        }
    }

    /// <summary>Deconstructs the change set into its parts.</summary>
    /// <param name="Record">The idempotency record.</param>
    /// <param name="Writes">The aggregate writes.</param>
    /// <param name="Audit">The audit entries.</param>
    /// <param name="Outbox">The outbox messages.</param>
    /// <param name="Timers">The timer requests.</param>
#pragma warning disable SA1313
    public void Deconstruct(out IdempotencyRecord Record, out IReadOnlyList<AggregateWrite> Writes, out IReadOnlyList<AuditEntry> Audit, out IReadOnlyList<OutboxMessage> Outbox, out IReadOnlyList<TimerRequest> Timers)
#pragma warning restore SA1313
    {
        Record = this.Record;
        Writes = this.Writes;
        Audit = this.Audit;
        Outbox = this.Outbox;
        Timers = this.Timers;
    }

    /// <inheritdoc />
    public bool Equals(ChangeSet? other)
        => other is not null && (ReferenceEquals(this, other)
            || (Record.Equals(other.Record) && Writes.SequenceEqual(other.Writes) && Audit.SequenceEqual(other.Audit)
                && Outbox.SequenceEqual(other.Outbox) && Timers.SequenceEqual(other.Timers)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Record, Writes.Count, Audit.Count, Outbox.Count, Timers.Count);

    // A refused command: only its idempotency record, made from the decision when a store reads it.
    internal static ChangeSet Refusal(Decision decision) => new(decision, [], [], null, default);

    // An accepted command: its record, audit entries and messages are built when first read.
    internal static ChangeSet Accepted(Decision decision, IReadOnlyList<AggregateWrite> writes, IReadOnlyList<TimerRequest> timers, EcomCommand command, EcomPolicy policy)
        => new(decision, writes, timers, command, policy.RetainUntil(command.At)); // a policy error refuses nothing after the save

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Record = ").Append(Record).Append(", Writes = ").Append(Writes.Count)
            .Append(", Audit = ").Append(Audit.Count).Append(", Outbox = ").Append(Outbox.Count)
            .Append(", Timers = ").Append(Timers.Count);
        return true;
    }

    private static IReadOnlyList<T> Frozen<T>(IReadOnlyList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);
        // Only immutable collections are kept as given: a read-only wrapper still changes with the list behind it.
        return list is IImmutableList<T> ? list : [.. list];
    }

    // A copy made with `with` is a change set of its own: what it derives from the engine's decision is fixed first
    // (as the original reads it), then the engine's parts are dropped, so a new record or list is never mixed with
    // the decision's.
    private void Detach()
    {
        if (_decision is not null)
        {
            _record ??= _decision.Outcome;
            _audit ??= BuildAudit();
            _outbox ??= BuildOutbox();
            _decision = null;
            _command = null;
        }
    }

    private IReadOnlyList<AuditEntry> BuildAudit()
    {
        if (_command is not { } command)
        {
            return NoAudit;
        }

        // SEC-3: every accepted command is recorded — who, when, what, why — under its target, and every other
        // aggregate it changed gets its own entry, so each aggregate's trail has every version; ORD-6: kept until
        // the policy's retention period at least.
        var retainUntil = _retainUntil;
        var writes = Writes;
        var others = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            others += writes[i].Key == command.Target ? 0 : 1;
        }

        var first = new AuditEntry(command.CommandId, command.Target, command.Actor.Id, command.Actor.Role, command.At,
            command.Action, Record.Reason, command.Reason, Record.Version, retainUntil);
        if (others == 0)
        {
            return [first];
        }

        var audit = new AuditEntry[1 + others];
        audit[0] = first;
        var next = 1;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Key != command.Target)
            {
                audit[next++] = new AuditEntry(command.CommandId, write.Key, command.Actor.Id, command.Actor.Role, command.At,
                    command.Action, $"changed with {command.Target}: {Record.Reason}", command.Reason, write.NewVersion, retainUntil);
            }
        }

        return audit;
    }

    private IReadOnlyList<OutboxMessage> BuildOutbox()
        => _command is { } command && _decision is { Events: { Count: > 0 } events } ? new OutboxBatch(command.CommandId, events, command.At) : NoMessages;
}
