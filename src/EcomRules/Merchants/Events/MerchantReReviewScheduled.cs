using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A merchant passed its qualification review; the next is due on a working day (MER-1).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="DueOn">The working day the next review is due by.</param>
public sealed record MerchantReReviewScheduled(AggregateKey Source, Instant At, LocalDate DueOn) : DomainEvent(Source, At);
