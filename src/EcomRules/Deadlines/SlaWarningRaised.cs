using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Deadlines;

/// <summary>
/// An SLA timer reached one of its warning thresholds while still running (SLA-8); raised by the timer scheduler's
/// warning timer. The outbox dispatcher tells staff (<see cref="Ports.INotifier.NotifyStaffAsync"/>), never the customer.
/// </summary>
/// <param name="Source">The order or return case.</param>
/// <param name="At">When the threshold was observed (the warning timer's due instant).</param>
/// <param name="SlaId">The SLA, such as SLA-1.</param>
/// <param name="Threshold">The fraction of the goal used, such as 0.5 (exact).</param>
/// <param name="BreachAt">When the SLA breaches unless it stops or pauses first.</param>
public sealed record SlaWarningRaised(AggregateKey Source, Instant At, string SlaId, decimal Threshold, Instant BreachAt) : DomainEvent(Source, At);
