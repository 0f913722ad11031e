using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Access;

/// <summary>
/// Who may issue the access module's commands (SEC-2), registered in <see cref="Engine.EcomEngine.Permissions"/>:
/// administrators and headquarters manage the administrator roster; an administrator (or the system that rotates them)
/// confirms a credential rotation; only the system records a missed deadline.
/// </summary>
internal static class AccessPermissions
{
    /// <summary>Adds the access commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy) => table
        .Allow<AddAdministrator>(ActorRole.Administrator, ActorRole.Headquarters)
        .Allow<RemoveAdministrator>(ActorRole.Administrator, ActorRole.Headquarters)
        .Allow<ConfirmCredentialRotation>(ActorRole.Administrator, ActorRole.System)
        .Allow<RecordCredentialRotationOverdue>(ActorRole.System);
}
