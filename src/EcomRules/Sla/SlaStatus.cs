using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Sla;

/// <summary>What an <see cref="SlaTimer"/> reports at an instant (SLA-8). A pure function of the timer's events, its
/// definition and the working calendar.</summary>
/// <param name="State">The state.</param>
/// <param name="Elapsed">The measured time of the current cycle; pauses never count.</param>
/// <param name="Remaining">The measured time left before the breach; zero once reached.</param>
/// <param name="Goal">The measured time the goal allows (the budget).</param>
/// <param name="CurrentBreachAt">When the SLA is (or was) breached, shifted by pauses; while paused, as if resumed now;
/// null when the timer ended without breaching.</param>
/// <param name="OriginalBreachAt">When the SLA would be breached had it never paused.</param>
/// <param name="Warnings">The warnings, one per threshold, ascending.</param>
public sealed record SlaStatus(
    SlaState State,
    Duration Elapsed,
    Duration Remaining,
    Duration Goal,
    Instant? CurrentBreachAt,
    Instant OriginalBreachAt,
    ImmutableArray<SlaWarning> Warnings);
