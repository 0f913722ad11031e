using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Access;

/// <summary>
/// A platform's administrator accounts (SEC-4): few of them (at most the policy's
/// <see cref="Policies.AccessPolicy.MaxAdministrators"/>), and for each one removed, a credential rotation task that
/// breaches when not done in time. Immutable: every accepted command produces a new roster.
/// </summary>
public sealed record AdminRoster
{
    private AdminRoster(AdminRosterId id, ImmutableArray<string> administrators, ImmutableArray<CredentialRotation> rotations)
    {
        Id = id;
        Administrators = administrators;
        Rotations = rotations;
    }

    /// <summary>Gets the roster's ID.</summary>
    public AdminRosterId Id { get; private init; }

    /// <summary>Gets the administrators' staff IDs, in the order they were added.</summary>
    public ImmutableArray<string> Administrators { get; private init; }

    /// <summary>Gets the credential rotations recorded when administrators were removed, oldest first.</summary>
    public ImmutableArray<CredentialRotation> Rotations { get; private init; }

    /// <summary>Gets the rotations not yet confirmed.</summary>
    public IEnumerable<CredentialRotation> PendingRotations => Rotations.Where(static r => !r.IsDone);

    /// <summary>Whether <paramref name="staffId"/> is an administrator.</summary>
    /// <param name="staffId">The staff ID.</param>
    /// <returns>True when on the roster.</returns>
    public bool IsAdministrator(string staffId) => Administrators.Contains(staffId, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"Administrator roster {Id} ({Administrators.Length} administrators, {PendingRotations.Count()} rotations pending)";

    internal static AdminRoster Empty(AdminRosterId id) => new(id, [], []);

    internal static AdminRoster Rehydrate(AdminRosterId id, ImmutableArray<string> administrators, ImmutableArray<CredentialRotation> rotations)
        => new(id, administrators, rotations);

    internal AdminRoster Adding(string staffId) => this with { Administrators = Administrators.Add(staffId) };

    internal AdminRoster Removing(string staffId, Instant at, Instant dueAt)
        => this with
        {
            Administrators = Administrators.Remove(staffId, StringComparer.Ordinal),
            Rotations = Rotations.Add(new CredentialRotation(staffId, at, dueAt, null, null, false)),
        };

    /// <summary>Gets the index of <paramref name="staffId"/>'s pending rotation, or -1.</summary>
    internal int PendingRotationOf(string staffId)
    {
        for (var i = 0; i < Rotations.Length; i++)
        {
            if (!Rotations[i].IsDone && string.Equals(Rotations[i].AdministratorId, staffId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal AdminRoster WithRotation(int index, CredentialRotation rotation) => this with { Rotations = Rotations.SetItem(index, rotation) };
}
