using System.Collections.Immutable;
using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// The follow-up visit (回访) task of a completed order (ORD-5): opened when the order completes, due by its own
/// deadline on the working calendar, with durable warning and breach timers (SLA-8) until the visit is recorded.
/// Immutable. The deadline is the policy's SLA <c>ORD-5</c> when it defines one, else <see cref="DefaultDue"/>.
/// </summary>
[PersonalData] // the notes of the conversation with the customer (SEC-2: reads are audited)
public sealed record FollowUpVisit : IRecomputableDeadlines
{
    /// <summary>The ID of the visit's SLA in <see cref="EcomPolicy.Slas"/>.</summary>
    public const string SlaId = "ORD-5";

    internal FollowUpVisit(FollowUpVisitId id, Instant openedAt, SlaTimer sla)
    {
        Id = id;
        OpenedAt = openedAt;
        Slas = [sla];
    }

    /// <summary>Gets the default deadline of the visit: 3 working days after completion (DSP-1).</summary>
    public static SlaDefinition DefaultDue { get; } = new(SlaId, RuleIds.Ord5, "Follow-up visit (回访) made after the order completed.", Deadline.WorkingDays(3));

    /// <summary>Gets the visit's ID.</summary>
    public FollowUpVisitId Id { get; private init; }

    /// <summary>Gets the order.</summary>
    public OrderId Order => Id.Order;

    /// <summary>Gets when the task was opened (the order's completion).</summary>
    public Instant OpenedAt { get; private init; }

    /// <summary>Gets who made the visit, or null while it is due.</summary>
    public string? VisitedBy { get; private init; }

    /// <summary>Gets when the visit was made, or null.</summary>
    public Instant? VisitedAt { get; private init; }

    /// <summary>Gets the visit's notes, or null.</summary>
    public string? Notes { get; private init; }

    /// <summary>Gets whether the visit was made.</summary>
    public bool IsDone => VisitedAt is not null;

    /// <summary>Gets the SLA timer of the visit (<c>ORD-5</c>).</summary>
    public ImmutableArray<SlaTimer> Slas { get; private init; }

    /// <summary>Gets the deadlines computed on provisional calendar days (DSP-1).</summary>
    public ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; private init; } = [];

    /// <summary>Gets the visit's SLA timer.</summary>
    public SlaTimer Sla => Slas[0];

    /// <summary>Gets the visit's deadline as defined by <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The policy's SLA <c>ORD-5</c>, or <see cref="DefaultDue"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static SlaDefinition DueFor(EcomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Slas.TryGetValue(SlaId, out var definition) ? definition : DefaultDue;
    }

    /// <inheritdoc />
    public override string ToString() => $"Follow-up visit of order {Order} ({(IsDone ? "done" : "due")})";

    internal SlaTimer? FindSla(string slaId) => string.Equals(slaId, SlaId, StringComparison.Ordinal) ? Sla : null;

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static FollowUpVisit Rehydrate(FollowUpVisit opened, string? visitedBy, Instant? visitedAt, string? notes, ImmutableArray<ProvisionalDeadline> provisional)
        => opened with { VisitedBy = visitedBy, VisitedAt = visitedAt, Notes = notes, ProvisionalDeadlines = provisional };

    internal FollowUpVisit Visiting(string by, Instant at, string notes, SlaTimer sla) => this with { VisitedBy = by, VisitedAt = at, Notes = notes, Slas = [sla] };

    object IRecomputableDeadlines.WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines) => this with { ProvisionalDeadlines = deadlines };

    bool IRecomputableDeadlines.IsProvisional(TimerRequest timer, EcomPolicy policy) => SlaSchedule.IsProvisional(Slas, Id.Key, timer, policy);

    Instant? IRecomputableDeadlines.Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at)
        => deadline.Kind is SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind
            ? SlaSchedule.RecomputeDue(Slas, Id.Key, deadline.Kind, deadline.TimerId, policy, at)
            : deadline.DueAt;

    object IRecomputableDeadlines.RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending) => this;
}
