using System.Collections.Immutable;
using EcomRules.Internal;

namespace EcomRules.Policies;

/// <summary>
/// Which roles may issue which command (SEC-2): a table from a command's name (its type's name, such as
/// <c>PlaceOrder</c>, as the audit trail writes it) to the roles that may issue it. A command whose name is not in the
/// table may be issued by nobody. Each module registers its own commands' defaults, and the policy adds grants on top
/// (<see cref="AccessPolicy.Grants"/>); the engine's table is their union (<see cref="Engine.EcomEngine.Permissions"/>).
/// Immutable and thread-safe: <see cref="Allow(string, ActorRole[])"/> returns a new table.
/// </summary>
public sealed class CommandPermissions
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<ActorRole>> _roles;

    private CommandPermissions(ImmutableDictionary<string, ImmutableHashSet<ActorRole>> roles) => _roles = roles;

    /// <summary>Gets a table that permits nothing.</summary>
    public static CommandPermissions Empty { get; } = new(ImmutableDictionary.Create<string, ImmutableHashSet<ActorRole>>(StringComparer.Ordinal));

    /// <summary>Gets the commands that have at least one role, sorted ordinally.</summary>
    public ImmutableArray<string> Commands => [.. _roles.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the number of commands in the table.</summary>
    public int Count => _roles.Count;

    /// <summary>Returns a table in which <paramref name="roles"/> may also issue the command named <paramref name="command"/>.</summary>
    /// <param name="command">The command's type name, such as <c>PlaceOrder</c>.</param>
    /// <param name="roles">The roles; those already permitted stay.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="command"/> is blank, or a role is default.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is null.</exception>
    public CommandPermissions Allow(string command, params ActorRole[] roles)
    {
        Preconditions.CheckNotBlank(command);
        ArgumentNullException.ThrowIfNull(roles);
        Preconditions.CheckArgument(Array.TrueForAll(roles, static r => r.Value.Length > 0), nameof(roles), "A permission names a role.");
        var current = _roles.TryGetValue(command, out var existing) ? existing : [];
        var next = current.Union(roles);
        return next.Count == current.Count ? this : new(_roles.SetItem(command, next));
    }

    /// <summary>Returns a table in which <paramref name="roles"/> may also issue commands of type <typeparamref name="TCommand"/>.</summary>
    /// <typeparam name="TCommand">The command type.</typeparam>
    /// <param name="roles">The roles.</param>
    /// <returns>The new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A role is default.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is null.</exception>
    public CommandPermissions Allow<TCommand>(params ActorRole[] roles)
        where TCommand : class
        => Allow(typeof(TCommand).Name, roles);

    /// <summary>Returns the union of this table and <paramref name="other"/>: a role may issue a command when either permits it.</summary>
    /// <param name="other">The other table.</param>
    /// <returns>The union.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public CommandPermissions Merge(CommandPermissions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = this;
        foreach (var (command, roles) in other._roles)
        {
            merged = merged.Allow(command, [.. roles]);
        }

        return merged;
    }

    /// <summary>Gets the roles that may issue the command named <paramref name="command"/>, sorted ordinally.</summary>
    /// <param name="command">The command's type name.</param>
    /// <returns>The roles; empty when nobody may issue it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public ImmutableArray<ActorRole> RolesFor(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _roles.TryGetValue(command, out var roles) ? [.. roles.OrderBy(static r => r.Value, StringComparer.Ordinal)] : [];
    }

    /// <summary>Whether <paramref name="role"/> may issue the command named <paramref name="command"/>.</summary>
    /// <param name="command">The command's type name.</param>
    /// <param name="role">The role.</param>
    /// <returns>True when permitted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public bool Allows(string command, ActorRole role)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _roles.TryGetValue(command, out var roles) && roles.Contains(role);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Commands.Select(c => $"{c}: {string.Join(", ", RolesFor(c))}"));
}
