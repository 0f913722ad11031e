using NodaTime;

namespace EcomRules.Commands;

/// <summary>One deadline computed again on a changed working calendar (SLA-8).</summary>
/// <param name="TimerId">The durable timer that carries it.</param>
/// <param name="Was">The provisional due instant.</param>
/// <param name="Now">The due instant on the real calendar; null when the deadline no longer applies (its timer is cancelled).</param>
/// <param name="StillProvisional">Whether it still falls in a year without data.</param>
public sealed record RecomputedDeadline(string TimerId, Instant Was, Instant? Now, bool StillProvisional);
