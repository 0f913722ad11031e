namespace EcomRules.Engine;

/// <summary>
/// Everything one accepted command changes, which a store commits in one transaction or not at all: aggregate
/// writes (each with its expected version), one audit entry per aggregate changed (SEC-3), outbox messages, timers and
/// the idempotency record. A refused command's change set has only the idempotency record.
/// </summary>
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
    IReadOnlyList<TimerRequest> Timers);
