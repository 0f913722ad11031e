using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>The customer disputes the answer: the complaint went to mediation (AFS-2).</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why the customer disputes it.</param>
public sealed record ComplaintDisputed(AggregateKey Source, Instant At, string Reason) : DomainEvent(Source, At);
