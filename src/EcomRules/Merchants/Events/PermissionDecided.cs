using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>The platform decided a merchant's permission request (MER-4).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="Request">The request's number.</param>
/// <param name="Granted">Whether it was granted.</param>
/// <param name="Late">Whether the decision came after its due instant.</param>
public sealed record PermissionDecided(AggregateKey Source, Instant At, string Request, bool Granted, bool Late) : DomainEvent(Source, At);
