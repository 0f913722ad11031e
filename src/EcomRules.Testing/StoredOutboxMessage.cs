using EcomRules.Commands;

namespace EcomRules.Testing;

/// <summary>An outbox message as a store keeps it: in commit order, with a store-assigned sequence number.</summary>
/// <param name="Sequence">The store-assigned sequence number; increases with every message committed.</param>
/// <param name="Message">The message as saved.</param>
/// <param name="IsDelivered">Whether the message has been delivered to its port.</param>
public sealed record StoredOutboxMessage(long Sequence, OutboxMessage Message, bool IsDelivered);
