using System.Globalization;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// An event waiting to be delivered, saved in the same transaction as the change that recorded it. The
/// <see cref="IdempotencyKey"/> is derived from the command ID and the event's position, so a port called twice for
/// one message (at-least-once delivery) can recognise the repeat.
/// </summary>
/// <remarks>
/// The engine creates messages with <see cref="OutboxMessage(CommandId, int, DomainEvent, Instant)"/>: the key
/// <c>{commandId}/{index}</c> is then built on first read (a store that never reads it allocates no string).
/// Equality is by key, event and instant, however the message was created.
/// </remarks>
public sealed record OutboxMessage
{
    private readonly CommandId _commandId;
    private readonly int _index;
    private string? _idempotencyKey;

    /// <summary>Creates a message with its key.</summary>
    /// <param name="IdempotencyKey">Unique per message: <c>{commandId}/{index}</c>.</param>
    /// <param name="Event">The event.</param>
    /// <param name="CreatedAt">When it was recorded.</param>
#pragma warning disable SA1313 // parameter names match the properties, as in a positional record
    public OutboxMessage(string IdempotencyKey, DomainEvent Event, Instant CreatedAt)
#pragma warning restore SA1313
    {
        _idempotencyKey = IdempotencyKey;
        this.Event = Event;
        this.CreatedAt = CreatedAt;
    }

    /// <summary>Creates the message of the event at <paramref name="index"/> of a command; the key <c>{commandId}/{index}</c> is built when first read.</summary>
    /// <param name="commandId">The command that recorded the event.</param>
    /// <param name="index">The event's position among the command's events (0 first).</param>
    /// <param name="event">The event.</param>
    /// <param name="createdAt">When it was recorded.</param>
    public OutboxMessage(CommandId commandId, int index, DomainEvent @event, Instant createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _commandId = commandId;
        _index = index;
        Event = @event;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the key, unique per message: <c>{commandId}/{index}</c>.</summary>
    public string IdempotencyKey
    {
        get => _idempotencyKey ??= _commandId.Value + "/" + _index.ToString(CultureInfo.InvariantCulture);
        init => _idempotencyKey = value;
    }

    /// <summary>Gets the event.</summary>
    public DomainEvent Event { get; init; }

    /// <summary>Gets when it was recorded.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Deconstructs the message.</summary>
    /// <param name="IdempotencyKey">The key.</param>
    /// <param name="Event">The event.</param>
    /// <param name="CreatedAt">When it was recorded.</param>
#pragma warning disable SA1313
    public void Deconstruct(out string IdempotencyKey, out DomainEvent Event, out Instant CreatedAt)
#pragma warning restore SA1313
    {
        IdempotencyKey = this.IdempotencyKey;
        Event = this.Event;
        CreatedAt = this.CreatedAt;
    }

    /// <inheritdoc />
    public bool Equals(OutboxMessage? other)
        => other is not null && (ReferenceEquals(this, other)
            || (string.Equals(IdempotencyKey, other.IdempotencyKey, StringComparison.Ordinal)
                && EqualityComparer<DomainEvent>.Default.Equals(Event, other.Event)
                && CreatedAt == other.CreatedAt));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(IdempotencyKey), Event, CreatedAt);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("IdempotencyKey = ").Append(IdempotencyKey).Append(", Event = ").Append(Event).Append(", CreatedAt = ").Append(CreatedAt.ToString(null, CultureInfo.InvariantCulture));
        return true;
    }
}
