using NodaTime;

namespace EcomRules.Access;

/// <summary>
/// The task of rotating the credentials an administrator knew, recorded when they are removed (SEC-4): due by
/// <see cref="DueAt"/>; <see cref="Breached"/> once that passed before it was done.
/// </summary>
/// <param name="AdministratorId">The removed administrator.</param>
/// <param name="RemovedAt">When they were removed.</param>
/// <param name="DueAt">When the credentials must be rotated by.</param>
/// <param name="DoneAt">When the rotation was confirmed; null while pending.</param>
/// <param name="DoneBy">Who confirmed it; null while pending.</param>
/// <param name="Breached">Whether the deadline passed before it was done.</param>
public sealed record CredentialRotation(string AdministratorId, Instant RemovedAt, Instant DueAt, Instant? DoneAt, string? DoneBy, bool Breached)
{
    /// <summary>Gets whether the rotation was confirmed.</summary>
    public bool IsDone => DoneAt is not null;
}
