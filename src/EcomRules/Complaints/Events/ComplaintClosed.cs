using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>The complaint was closed (AFS-1, AFS-2), never unanswered.</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When.</param>
/// <param name="Resolution">How it ended.</param>
public sealed record ComplaintClosed(AggregateKey Source, Instant At, ComplaintResolution Resolution) : DomainEvent(Source, At);
