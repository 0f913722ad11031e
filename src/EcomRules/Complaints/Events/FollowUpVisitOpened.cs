using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>A follow-up visit (回访) task was opened for a completed order, with its due instant (ORD-5).</summary>
/// <param name="Source">The follow-up visit.</param>
/// <param name="At">When.</param>
/// <param name="DueAt">When the visit is due.</param>
public sealed record FollowUpVisitOpened(AggregateKey Source, Instant At, Instant DueAt) : DomainEvent(Source, At);
