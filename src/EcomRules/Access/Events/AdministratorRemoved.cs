using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Access.Events;

/// <summary>An administrator left the roster; the credentials they knew must be rotated by <paramref name="RotationDueAt"/> (SEC-4).</summary>
/// <param name="Source">The roster.</param>
/// <param name="At">When.</param>
/// <param name="AdministratorId">The removed administrator's staff ID.</param>
/// <param name="RotationDueAt">When the credential rotation is due.</param>
public sealed record AdministratorRemoved(AggregateKey Source, Instant At, string AdministratorId, Instant RotationDueAt) : DomainEvent(Source, At);
