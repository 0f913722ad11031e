using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ports;

/// <summary>An outbox message as a store holds it: its position, delivery attempts and state.</summary>
/// <param name="Sequence">The store-assigned position; increasing in commit order.</param>
/// <param name="Message">The message.</param>
/// <param name="Attempts">How many deliveries were attempted and failed.</param>
/// <param name="LastError">The last failure, if any.</param>
/// <param name="AvailableAt">When the message may be claimed (later than created after a failure: backoff).</param>
/// <param name="IsDeadLetter">Whether it failed too often and waits for a person (see <see cref="IOutboxStore.RetryDeadLetterAsync"/>).</param>
public sealed record OutboxEnvelope(long Sequence, OutboxMessage Message, int Attempts, string? LastError, Instant AvailableAt, bool IsDeadLetter);
