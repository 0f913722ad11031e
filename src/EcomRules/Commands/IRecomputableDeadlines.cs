using System.Collections.Immutable;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// An aggregate with durable deadlines that can be recomputed when the working calendar changes (SLA-8). The engine
/// keeps <see cref="ProvisionalDeadlines"/> up to date from the timers each accepted command requests, so a module
/// only says how to compute each of its deadlines again; the kernel knows no module.
/// </summary>
internal interface IRecomputableDeadlines
{
    /// <summary>Gets the pending deadlines computed on provisional calendar days.</summary>
    ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; }

    /// <summary>Returns the aggregate with these provisional deadlines.</summary>
    object WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines);

    /// <summary>Gets whether the due instant of <paramref name="timer"/> (requested with this state) was computed on
    /// provisional calendar days of <paramref name="policy"/>'s calendar: it depends on the working calendar (a
    /// working-time SLA, a next-working-day deadline, an order's dispatch dates; not elapsed time or calendar days) and
    /// reaches an uncovered year, itself or through what it is derived from (an SLA warning is a share of the budget up
    /// to a breach that may be provisional).</summary>
    bool IsProvisional(TimerRequest timer, EcomPolicy policy);

    /// <summary>Computes a deadline again on <paramref name="policy"/>'s calendar, from the aggregate's own history (the
    /// payment instant, the SLA timer's events); null when it no longer applies.</summary>
    Instant? Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at);

    /// <summary>Returns the aggregate with the other values it derived from the calendar along with the
    /// <paramref name="pending"/> deadlines (e.g. an order's dispatch date with its dispatch deadline) computed again on
    /// <paramref name="policy"/>'s calendar; itself when nothing changes.</summary>
    object RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending);
}
