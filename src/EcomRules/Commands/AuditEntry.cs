using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// One line of the audit trail (SEC-3): who did what, when and why, to which aggregate. Written in the same
/// transaction as the state change; kept at least until <see cref="RetainUntil"/> (ORD-6). Holds no personal data
/// (SEC-1): the action and transition name states, never customers.
/// </summary>
/// <param name="CommandId">The command that made the change.</param>
/// <param name="Target">The aggregate changed.</param>
/// <param name="ActorId">Who (SEC-3).</param>
/// <param name="ActorRole">In which role (SEC-2).</param>
/// <param name="At">When (the command's instant).</param>
/// <param name="Action">What: the command's name, such as <c>PayOrder</c>.</param>
/// <param name="Change">What changed, such as <c>Placed → Paid</c>.</param>
/// <param name="Why">Why: the reason the actor gave, if any.</param>
/// <param name="Version">The aggregate's version after the change.</param>
/// <param name="RetainUntil">The earliest instant the entry may be purged (ORD-6: at least 5 years by default).</param>
public sealed record AuditEntry(
    CommandId CommandId,
    AggregateKey Target,
    string ActorId,
    ActorRole ActorRole,
    Instant At,
    string Action,
    string Change,
    string? Why,
    long Version,
    Instant RetainUntil);
