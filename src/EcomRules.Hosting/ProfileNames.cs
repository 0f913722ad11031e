using EcomRules.Policies;

namespace EcomRules.Hosting;

/// <summary>The configuration names of the built-in policy profiles.</summary>
public static class ProfileNames
{
    /// <summary>The retail platform profile (<see cref="PolicyProfile.RetailPlatform"/>).</summary>
    public const string RetailPlatform = "retail-platform";

    /// <summary>The parts distributor profile (<see cref="PolicyProfile.PartsDistributor"/>).</summary>
    public const string PartsDistributor = "parts-distributor";

    /// <summary>Finds a profile by its configuration name (case-insensitive; <c>RetailPlatform</c> also works).</summary>
    /// <param name="name">The name.</param>
    /// <param name="profile">The profile, when found.</param>
    /// <returns>Whether the name is a profile.</returns>
    public static bool TryParse(string? name, out PolicyProfile profile)
    {
        var normalized = name?.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        if (string.Equals(normalized, "retailplatform", StringComparison.OrdinalIgnoreCase))
        {
            profile = PolicyProfile.RetailPlatform;
            return true;
        }

        if (string.Equals(normalized, "partsdistributor", StringComparison.OrdinalIgnoreCase))
        {
            profile = PolicyProfile.PartsDistributor;
            return true;
        }

        profile = default;
        return false;
    }
}
