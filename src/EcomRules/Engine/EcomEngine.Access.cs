using System.Runtime.CompilerServices;
using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Engine;

/// <content>Access by role (SEC-2): the permission table every command is checked against before anything is read.</content>
public sealed partial class EcomEngine
{
    private static readonly ConditionalWeakTable<EcomPolicy, CommandPermissions> Tables = new();

    /// <summary>
    /// Gets who may issue which command under the current policy (SEC-2): every module's defaults and the policy's
    /// grants (<see cref="AccessPolicy.Grants"/>). A command whose actor's role is not in it for the command's type is
    /// refused with <see cref="RefusalCode.NotPermitted"/>, naming SEC-2, before anything is read or changed.
    /// </summary>
    public CommandPermissions Permissions => PermissionsUnder(Policy);

    /// <summary>Gets who may issue which command under <paramref name="policy"/>: the modules' defaults and the policy's grants (SEC-2).</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static CommandPermissions PermissionsFor(EcomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var table = CommandPermissions.Empty;
        foreach (var register in EcomModules.Permissions)
        {
            table = register(table, policy);
        }

        return table.Merge(policy.Access.Grants);
    }

    // Computed once per policy, whichever engine asks first: the table is a pure function of the immutable policy, and a
    // replaced policy (ChangePolicy) gets its own on first use. The weak table lets an unused policy be collected.
    private static CommandPermissions PermissionsUnder(EcomPolicy policy) => Tables.GetValue(policy, PermissionsFor);

    /// <summary>The SEC-2 refusal of a command its actor's role may not issue; null when permitted.</summary>
    private static Decision? Unpermitted(EcomCommand command, EcomPolicy policy)
    {
        var permissions = PermissionsUnder(policy);
        if (permissions.Allows(command))
        {
            return null;
        }

        var name = command.GetType().Name;
        var roles = permissions.RolesFor(name);
        var who = roles.IsEmpty ? "no role may issue it" : $"it is issued by {string.Join(", ", roles)}";
        return Decision.Refused(command.CommandId, command.Target, RefusalCode.NotPermitted, RuleIds.Sec2,
            $"{command.Actor.Id} acts as '{command.Actor.Role}', which has no permission to issue {name}; {who}.", 0);
    }

}
