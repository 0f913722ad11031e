using NodaTime;

namespace EcomRules.Sla;

/// <summary>A warning threshold of an SLA at an instant (SLA-8).</summary>
/// <param name="Threshold">The fraction of the goal, in (0, 1), e.g. 0.5 (an exact decimal).</param>
/// <param name="DueAt">When the threshold is (or was) reached, shifted by pauses; while paused, as if resumed now;
/// null when the timer ended before reaching it.</param>
/// <param name="Reached">Whether the measured time has reached the threshold.</param>
public readonly record struct SlaWarning(decimal Threshold, Instant? DueAt, bool Reached);
