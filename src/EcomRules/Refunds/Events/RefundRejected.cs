using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds.Events;

/// <summary>A refund was rejected and its reservation released on the order (REF-1).</summary>
/// <param name="Source">The refund.</param>
/// <param name="At">When.</param>
/// <param name="Amount">The amount released.</param>
/// <param name="Reason">Why.</param>
public sealed record RefundRejected(AggregateKey Source, Instant At, Money Amount, string Reason) : DomainEvent(Source, At);
