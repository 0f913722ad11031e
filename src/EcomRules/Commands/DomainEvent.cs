using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Something that happened to an aggregate, recorded by an accepted command. Events are saved to the outbox in the
/// same transaction as the state change and dispatched afterwards; the core never calls out.
/// </summary>
/// <param name="Source">The aggregate the event happened to.</param>
/// <param name="At">When it happened (the command's instant).</param>
public abstract record DomainEvent(AggregateKey Source, Instant At)
{
    /// <summary>Gets the event's type name, stable across releases (the class name).</summary>
    public virtual string EventType => GetType().Name;
}
