using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>A complaint was recorded with the customer's demand (AFS-1); SLA-6 started.</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When the customer complained.</param>
/// <param name="Concerns">The order or return case complained about.</param>
/// <param name="SpecialCase">Whether SLA-6's special case applies (48 hours instead of 24).</param>
/// <param name="AnswerDueAt">When the answer is due (SLA-6).</param>
public sealed record ComplaintFiled(AggregateKey Source, Instant At, AggregateKey Concerns, bool SpecialCase, Instant AnswerDueAt) : DomainEvent(Source, At);
