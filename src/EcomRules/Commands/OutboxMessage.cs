using System.Globalization;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// An event waiting to be delivered, saved in the same transaction as the change that recorded it. The
/// <see cref="IdempotencyKey"/> is derived from the command ID and the event's position (<c>{commandId}/{index}</c>), so
/// a port called twice for one message (at-least-once delivery) can recognise the repeat.
/// </summary>
/// <param name="IdempotencyKey">Unique per message: <c>{commandId}/{index}</c>.</param>
/// <param name="Event">The event.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record OutboxMessage(string IdempotencyKey, DomainEvent Event, Instant CreatedAt)
{
    /// <summary>Gets the idempotency key of the <paramref name="index"/>-th event of a command: <c>{commandId}/{index}</c>.</summary>
    internal static string KeyFor(CommandId commandId, int index) => string.Create(CultureInfo.InvariantCulture, $"{commandId.Value}/{index}");
}
