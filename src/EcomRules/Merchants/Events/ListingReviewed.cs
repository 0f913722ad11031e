using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A listing was reviewed (MER-2): displayed, or rejected with the findings.</summary>
/// <param name="Source">The listing.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="State">The listing's state after the review.</param>
/// <param name="Findings">The reviewer's findings; null when none.</param>
public sealed record ListingReviewed(AggregateKey Source, Instant At, AggregateKey Merchant, ListingState State, string? Findings) : DomainEvent(Source, At);
