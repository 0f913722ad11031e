using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>The follow-up visit (回访) was made and its notes recorded (ORD-5).</summary>
/// <param name="Source">The follow-up visit.</param>
/// <param name="At">When.</param>
/// <param name="VisitedBy">Who made it (an actor ID).</param>
/// <param name="OnTime">Whether it was made by its due instant.</param>
public sealed record FollowUpVisitDone(AggregateKey Source, Instant At, string VisitedBy, bool OnTime) : DomainEvent(Source, At);
