using NodaTime;

namespace EcomRules.Internal;

/// <summary>Argument checks shared by deadlines and SLA definitions.</summary>
internal static class DeadlineChecks
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="duration"/> is negative.</summary>
    internal static Duration NotNegative(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A deadline's duration must not be negative.");
        }

        return duration;
    }
}
