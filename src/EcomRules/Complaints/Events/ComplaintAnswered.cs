using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>The complaint was answered (AFS-1): by customer service, or by the department head's decision; SLA-6 stopped.</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When.</param>
/// <param name="AnsweredBy">Who answered (an actor ID).</param>
/// <param name="ByDepartmentHead">Whether it is the department head's decision on an escalated complaint.</param>
/// <param name="Answer">The answer sent to the customer.</param>
public sealed record ComplaintAnswered(AggregateKey Source, Instant At, string AnsweredBy, bool ByDepartmentHead, string Answer) : DomainEvent(Source, At);
