using System.Collections.Immutable;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Which commands an outbox event leads to in another module: the way one module reacts to another's events without
/// the first knowing the second (the complaints module closes a complaint when its return case is archived and opens
/// the follow-up visit when an order asks for it; neither orders nor returns reference complaints). The
/// <see cref="OutboxDispatcher"/> runs every reaction registered for a message's event type after delivering it to the
/// ports, and executes the commands through the engine: at least once, so a reaction must give its commands stable
/// command IDs derived from the message's idempotency key (a redelivery then has no second effect). Immutable and
/// thread-safe.
/// </summary>
public sealed class OutboxReactionRegistry
{
    private static readonly IReadOnlyList<EcomCommand> None = [];

    private readonly ImmutableArray<(Type Event, Func<DomainEvent, string, Instant, EcomEngine, CancellationToken, ValueTask<IReadOnlyList<EcomCommand>>> React)> _reactions;

    private OutboxReactionRegistry(ImmutableArray<(Type, Func<DomainEvent, string, Instant, EcomEngine, CancellationToken, ValueTask<IReadOnlyList<EcomCommand>>>)> reactions)
        => _reactions = reactions;

    /// <summary>Gets a registry with no reactions.</summary>
    public static OutboxReactionRegistry Empty { get; } = new([]);

    /// <summary>Gets the reactions of EcomRules' own modules: the complaints module's (AFS-1, ORD-5).</summary>
    public static OutboxReactionRegistry Default { get; } = ComplaintReactions.Register(Empty);

    /// <summary>Gets how many reactions are registered.</summary>
    public int Count => _reactions.Length;

    /// <summary>Returns a registry that also reacts to events of type <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type (exactly; not its subtypes).</typeparam>
    /// <param name="reaction">Given the event, the message's idempotency key, the delivery instant and the engine (for
    /// reads), returns the commands to execute; none to do nothing.</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reaction"/> is null.</exception>
    public OutboxReactionRegistry Add<TEvent>(Func<TEvent, string, Instant, EcomEngine, CancellationToken, ValueTask<IReadOnlyList<EcomCommand>>> reaction)
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(reaction);
        return new(_reactions.Add((typeof(TEvent), (e, key, now, engine, token) => reaction((TEvent)e, key, now, engine, token))));
    }

    /// <summary>The commands every reaction to <paramref name="event"/> asks for, in registration order.</summary>
    internal async ValueTask<IReadOnlyList<EcomCommand>> CommandsForAsync(DomainEvent @event, string key, Instant now, EcomEngine engine, CancellationToken cancellationToken)
    {
        List<EcomCommand>? commands = null;
        foreach (var (type, react) in _reactions)
        {
            if (type == @event.GetType())
            {
                var these = await react(@event, key, now, engine, cancellationToken).ConfigureAwait(false);
                (commands ??= []).AddRange(Preconditions.CheckNotNull(these));
            }
        }

        return commands ?? None;
    }
}
