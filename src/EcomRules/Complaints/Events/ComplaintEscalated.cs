using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>Customer service could not answer: the complaint went to the department head (AFS-1).</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When.</param>
/// <param name="EscalatedBy">Who escalated it (an actor ID).</param>
/// <param name="Reason">Why service could not answer.</param>
public sealed record ComplaintEscalated(AggregateKey Source, Instant At, string EscalatedBy, string Reason) : DomainEvent(Source, At);
