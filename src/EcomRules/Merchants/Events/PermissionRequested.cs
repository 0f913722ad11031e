using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A merchant requested elevated permissions; the decision is due within five working days (MER-4).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request's number.</param>
/// <param name="Permission">The permission asked for.</param>
/// <param name="DueAt">When the decision is due.</param>
public sealed record PermissionRequested(AggregateKey Source, Instant At, string Request, string Permission, Instant DueAt) : DomainEvent(Source, At);
