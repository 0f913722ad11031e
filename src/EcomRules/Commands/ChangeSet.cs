using System.Collections.Immutable;

namespace EcomRules.Commands;

/// <summary>
/// Everything one accepted command changes, which a store commits in one transaction or not at all: aggregate
/// writes (each with its expected version), one audit entry per aggregate changed (SEC-3), outbox messages, timers and
/// the idempotency record. A refused command's change set has only the idempotency record.
/// </summary>
/// <remarks>
/// A change set is immutable: lists that could change afterwards are copied, so a store may keep the change set itself
/// (the in-memory store does). Two change sets are equal when their record and every list are equal, item by item.
/// </remarks>
/// <param name="Record">The idempotency record of the command.</param>
/// <param name="Writes">The aggregate writes.</param>
/// <param name="Audit">The audit entries, one per aggregate the command changed (at least one when accepted); empty for a refusal.</param>
/// <param name="Outbox">The events to deliver.</param>
/// <param name="Timers">Timers to schedule, move or cancel.</param>
public sealed record ChangeSet(
    IdempotencyRecord Record,
    IReadOnlyList<AggregateWrite> Writes,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<OutboxMessage> Outbox,
    IReadOnlyList<TimerRequest> Timers)
{
    /// <summary>Gets the idempotency record of the command.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IdempotencyRecord Record { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Record ?? throw new ArgumentNullException(nameof(Record));

    /// <summary>Gets the aggregate writes.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<AggregateWrite> Writes { get; init => field = Frozen(value, nameof(Writes)); } = Frozen(Writes, nameof(Writes));

    /// <summary>Gets the audit entries, one per aggregate the command changed (at least one when accepted); empty for a refusal.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<AuditEntry> Audit { get; init => field = Frozen(value, nameof(Audit)); } = Frozen(Audit, nameof(Audit));

    /// <summary>Gets the events to deliver.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<OutboxMessage> Outbox { get; init => field = Frozen(value, nameof(Outbox)); } = Frozen(Outbox, nameof(Outbox));

    /// <summary>Gets the timers to schedule, move or cancel.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<TimerRequest> Timers { get; init => field = Frozen(value, nameof(Timers)); } = Frozen(Timers, nameof(Timers));

    /// <summary>Gets the command ID the change set records (the <see cref="Record"/>'s).</summary>
    public CommandId CommandId => Record.CommandId;

    /// <inheritdoc />
    public bool Equals(ChangeSet? other)
        => other is not null && (ReferenceEquals(this, other)
            || (Record.Equals(other.Record) && Writes.SequenceEqual(other.Writes) && Audit.SequenceEqual(other.Audit)
                && Outbox.SequenceEqual(other.Outbox) && Timers.SequenceEqual(other.Timers)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Record, Writes.Count, Audit.Count, Outbox.Count, Timers.Count);

    private static IReadOnlyList<T> Frozen<T>(IReadOnlyList<T> list, string name)
    {
        ArgumentNullException.ThrowIfNull(list, name);

        // Only immutable collections are kept as given: a read-only wrapper still changes with the list behind it.
        return list is IImmutableList<T> ? list : [.. list];
    }
}
