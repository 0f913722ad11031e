using NodaTime;

namespace EcomRules.Policies;

/// <content>Instants from the merchant's local date-times.</content>
public sealed partial class EcomPolicy
{
    /// <summary>
    /// Gets the instant of a local date-time on the merchant's wall clock (<see cref="Zone"/>, Asia/Shanghai by
    /// default): the <c>At</c> of a command in one call, e.g.
    /// <c>policy.InstantAt(new LocalDateTime(2026, 3, 2, 14, 30))</c> is 06:30 UTC that day.
    /// </summary>
    /// <remarks>
    /// Resolved as NodaTime's lenient resolver (<c>Resolvers.LenientResolver</c>, as <see cref="LocalDateTime.InZoneLeniently"/>) does, so every local
    /// date-time has exactly one answer and none throws: a time that occurs twice (clocks go back) is the earlier
    /// of the two instants; a time that never occurs (clocks go forward) is moved forward by the length of the gap
    /// (02:30 in a one-hour gap starting at 02:00 becomes 03:30). China has kept no daylight saving time since 1991,
    /// so in Asia/Shanghai neither case arises for present-day dates; they matter for merchants in other zones.
    /// </remarks>
    /// <param name="localDateTime">The date and time on the merchant's wall clock.</param>
    /// <returns>The instant.</returns>
    public Instant InstantAt(LocalDateTime localDateTime) => localDateTime.InZoneLeniently(Zone).ToInstant();
}
