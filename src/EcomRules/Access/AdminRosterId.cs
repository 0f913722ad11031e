using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Access;

/// <summary>Identifies a platform's roster of administrator accounts (SEC-4). The store key is <c>admin-roster/{name}</c>.</summary>
public readonly record struct AdminRosterId : IAggregateId<AdminRoster>
{
    /// <summary>The aggregate kind of administrator rosters in the store.</summary>
    public const string Kind = "admin-roster";

    private readonly string? _name;

    /// <summary>Creates a roster ID.</summary>
    /// <param name="name">The platform's name: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    public AdminRosterId(string name) => _name = Preconditions.CheckAggregateId(name, "an administrator roster name");

    /// <summary>Gets the roster of the platform itself (<c>admin-roster/platform</c>).</summary>
    public static AdminRosterId Platform { get; } = new("platform");

    /// <summary>Gets the name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets the roster's key in the store.</summary>
    public AggregateKey Key => new(Kind, Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
