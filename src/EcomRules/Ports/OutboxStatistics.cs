using NodaTime;

namespace EcomRules.Ports;

/// <summary>The outbox's health: what waits, what failed for good, and how old the oldest waiting message is.</summary>
/// <param name="Pending">Messages not yet delivered and not dead-lettered.</param>
/// <param name="DeadLetters">Messages that failed too often.</param>
/// <param name="OldestPendingCreatedAt">When the oldest pending message was recorded, or null when none waits.</param>
public sealed record OutboxStatistics(long Pending, long DeadLetters, Instant? OldestPendingCreatedAt);
