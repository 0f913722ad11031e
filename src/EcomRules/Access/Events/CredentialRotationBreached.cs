using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Access.Events;

/// <summary>The credentials a removed administrator knew were not rotated by the deadline (SEC-4).</summary>
/// <param name="Source">The roster.</param>
/// <param name="At">When the deadline passed.</param>
/// <param name="AdministratorId">The removed administrator's staff ID.</param>
public sealed record CredentialRotationBreached(AggregateKey Source, Instant At, string AdministratorId) : DomainEvent(Source, At);
