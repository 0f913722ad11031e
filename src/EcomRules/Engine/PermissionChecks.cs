using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Engine;

/// <summary>The SEC-2 check of a command against a permission table (the table itself knows command types by name only).</summary>
internal static class PermissionChecks
{
    /// <summary>Whether the command's actor may issue it.</summary>
    /// <param name="table">The permission table.</param>
    /// <param name="command">The command.</param>
    /// <returns>True when its actor's role is permitted for its type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or its actor is null.</exception>
    public static bool Allows(this CommandPermissions table, EcomCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor, nameof(command));
        return table.Allows(command.GetType().Name, command.Actor.Role);
    }
}
