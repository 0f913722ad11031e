namespace EcomRules.Engine;

/// <summary>
/// Everything one accepted command changes, which a store commits in one transaction or not at all: aggregate
/// writes (each with its expected version), the audit entry, outbox messages, timers and the idempotency record.
/// A refused command's change set has only the idempotency record.
/// </summary>
/// <param name="Record">The idempotency record of the command.</param>
/// <param name="Writes">The aggregate writes.</param>
/// <param name="Audit">The audit entry; null for a refusal.</param>
/// <param name="Outbox">The events to deliver.</param>
/// <param name="Timers">Timers to schedule, move or cancel.</param>
public sealed record ChangeSet(
    IdempotencyRecord Record,
    IReadOnlyList<AggregateWrite> Writes,
    AuditEntry? Audit,
    IReadOnlyList<OutboxMessage> Outbox,
    IReadOnlyList<TimerRequest> Timers);
