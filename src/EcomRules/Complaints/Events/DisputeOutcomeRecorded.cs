using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>The outcome of mediation or arbitration was recorded (AFS-2).</summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When.</param>
/// <param name="Stage">Where it was decided: <see cref="ComplaintState.InMediation"/> or <see cref="ComplaintState.InArbitration"/>.</param>
/// <param name="Settled">Whether it settled the dispute (a failed mediation goes to arbitration; an award always settles).</param>
/// <param name="Outcome">The recorded outcome.</param>
public sealed record DisputeOutcomeRecorded(AggregateKey Source, Instant At, ComplaintState Stage, bool Settled, string Outcome) : DomainEvent(Source, At);
