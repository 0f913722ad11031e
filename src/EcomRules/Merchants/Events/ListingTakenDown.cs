using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A listing was taken down, with the reason (MER-2).</summary>
/// <param name="Source">The listing.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Reason">Why.</param>
public sealed record ListingTakenDown(AggregateKey Source, Instant At, AggregateKey Merchant, string Reason) : DomainEvent(Source, At);
