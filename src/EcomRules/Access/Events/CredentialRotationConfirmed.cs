using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Access.Events;

/// <summary>The credentials a removed administrator knew were rotated (SEC-4).</summary>
/// <param name="Source">The roster.</param>
/// <param name="At">When.</param>
/// <param name="AdministratorId">The removed administrator's staff ID.</param>
/// <param name="Late">Whether it was done after the deadline (the rotation had breached).</param>
public sealed record CredentialRotationConfirmed(AggregateKey Source, Instant At, string AdministratorId, bool Late) : DomainEvent(Source, At);
