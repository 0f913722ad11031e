using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A merchant submitted a listing; it is not displayed before its review (MER-2).</summary>
/// <param name="Source">The listing.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
public sealed record ListingSubmitted(AggregateKey Source, Instant At, AggregateKey Merchant) : DomainEvent(Source, At);
