using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Policies;

/// <summary>
/// Access settings (SEC-2, SEC-4): the permissions the policy grants on top of the modules' defaults, how many
/// administrator accounts the platform may have, and how soon credentials are rotated after an administrator leaves.
/// Immutable.
/// </summary>
public sealed class AccessPolicy
{
    /// <summary>The catalogue's number of administrator accounts (SEC-4: "4–5 people").</summary>
    public const int DefaultMaxAdministrators = 5;

    /// <summary>Creates the settings.</summary>
    /// <param name="grants">Roles that may issue commands beyond the modules' defaults (SEC-2); none when null.</param>
    /// <param name="maxAdministrators">The most administrator accounts at once (SEC-4); at least 1.</param>
    /// <param name="credentialRotation">How soon after an administrator is removed the shared credentials must be
    /// rotated (SEC-4); positive; 24 hours when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAdministrators"/> is below 1, or
    /// <paramref name="credentialRotation"/> is not positive.</exception>
    public AccessPolicy(CommandPermissions? grants = null, int maxAdministrators = DefaultMaxAdministrators, Duration? credentialRotation = null)
    {
        Grants = grants ?? CommandPermissions.Empty;
        MaxAdministrators = Preconditions.CheckArgumentRange(maxAdministrators, 1, 10_000);
        CredentialRotation = credentialRotation ?? Duration.FromHours(24);
        if (CredentialRotation <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(credentialRotation), credentialRotation, "Credentials are rotated within a positive time (SEC-4).");
        }
    }

    /// <summary>Gets the defaults: no extra grants, 5 administrators, credentials rotated within 24 hours.</summary>
    public static AccessPolicy Default { get; } = new();

    /// <summary>Gets the roles that may issue commands beyond the modules' defaults (SEC-2). Grants only add: a
    /// module's default is never taken away by the policy.</summary>
    /// <value>The default is <see cref="CommandPermissions.Empty"/>.</value>
    public CommandPermissions Grants { get; }

    /// <summary>Gets the most administrator accounts at once (SEC-4); one more is refused.</summary>
    /// <value>The default is 5.</value>
    public int MaxAdministrators { get; }

    /// <summary>Gets how soon after an administrator is removed the credentials must be rotated (SEC-4); a rotation
    /// not confirmed by then is recorded as breached.</summary>
    /// <value>The default is 24 hours.</value>
    public Duration CredentialRotation { get; }

    /// <summary>Returns these settings with more grants.</summary>
    /// <param name="grants">The grants to add.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grants"/> is null.</exception>
    public AccessPolicy WithGrants(CommandPermissions grants)
        => new(Grants.Merge(Preconditions.CheckNotNull(grants)), MaxAdministrators, CredentialRotation);
}
