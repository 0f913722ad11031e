using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Access.Events;

/// <summary>An administrator account was added to the roster (SEC-4).</summary>
/// <param name="Source">The roster.</param>
/// <param name="At">When.</param>
/// <param name="AdministratorId">The new administrator's staff ID.</param>
/// <param name="Count">How many administrators the roster has now.</param>
public sealed record AdministratorAdded(AggregateKey Source, Instant At, string AdministratorId, int Count) : DomainEvent(Source, At);
