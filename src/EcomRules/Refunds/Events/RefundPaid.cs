using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds.Events;

/// <summary>A refund was paid; the order's reservation became a refunded amount (REF-1, REF-4).</summary>
/// <param name="Source">The refund.</param>
/// <param name="At">When.</param>
/// <param name="Amount">The amount paid out.</param>
public sealed record RefundPaid(AggregateKey Source, Instant At, Money Amount) : DomainEvent(Source, At);
