using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds.Events;

/// <summary>A refund was requested and its amount reserved on the order (REF-1); it waits for the tier's approver (REF-2).</summary>
/// <param name="Source">The refund.</param>
/// <param name="At">When.</param>
/// <param name="Amount">The amount.</param>
/// <param name="ApproverRole">The role that must approve it.</param>
public sealed record RefundRequested(AggregateKey Source, Instant At, Money Amount, ActorRole ApproverRole) : DomainEvent(Source, At);
