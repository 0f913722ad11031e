using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Who reads, when and why (SEC-2): what an audited read through <see cref="Engine.EcomEngine.GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>
/// writes to the audit trail when the aggregate holds personal data.
/// </summary>
public sealed record DataAccess
{
    /// <summary>Creates the access.</summary>
    /// <param name="actor">Who reads, in which role.</param>
    /// <param name="at">When (the engine has no clock: the caller's instant, as for commands).</param>
    /// <param name="purpose">Why: the task the data is read for, such as <c>answering complaint C-17</c> (SEC-1: used
    /// only for its stated purpose). No personal data belongs here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="purpose"/> is blank.</exception>
    public DataAccess(Actor actor, Instant at, string purpose)
    {
        Actor = Preconditions.CheckNotNull(actor);
        At = at;
        Purpose = Preconditions.CheckNotBlank(purpose);
    }

    /// <summary>Gets who reads.</summary>
    public Actor Actor { get; }

    /// <summary>Gets when.</summary>
    public Instant At { get; }

    /// <summary>Gets why.</summary>
    public string Purpose { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Actor} at {At}: {Purpose}";
}
