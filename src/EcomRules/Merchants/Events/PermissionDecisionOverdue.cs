using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A permission request was not decided within five working days (MER-4 breached).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When the timer came due.</param>
/// <param name="Request">The request's number.</param>
public sealed record PermissionDecisionOverdue(AggregateKey Source, Instant At, string Request) : DomainEvent(Source, At);
