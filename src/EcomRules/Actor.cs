using EcomRules.Internal;

namespace EcomRules;

/// <summary>Who issues a command: a named person or system and the role they act in (SEC-2, SEC-3, REF-3).</summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="id">A stable identifier of the person or system (a staff number, not a name).</param>
    /// <param name="role">The role they act in.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, or <paramref name="role"/> is default.</exception>
    public Actor(string id, ActorRole role)
    {
        Id = Preconditions.CheckNotBlank(id);
        Preconditions.CheckArgument(role.Value.Length > 0, nameof(role), "An actor needs a role.");
        Role = role;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the role.</summary>
    public ActorRole Role { get; }

    /// <summary>Gets the system actor used by timers and the outbox dispatcher.</summary>
    public static Actor System { get; } = new("system", ActorRole.System);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Role})";
}
