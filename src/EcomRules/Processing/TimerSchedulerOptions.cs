using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>Options of <see cref="TimerScheduler"/>.</summary>
public sealed class TimerSchedulerOptions
{
    private int _batchSize = 32;
    private Duration _lease = Duration.FromMinutes(1);
    private Duration _unhandledRetry = Duration.FromHours(1);

    /// <summary>Gets or sets how many due timers one run claims.</summary>
    /// <value>The default is 32; between 1 and 1000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..1000.</exception>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = Preconditions.CheckArgumentRange(value, 1, 1000);
    }

    /// <summary>Gets or sets how long a claim holds; a timer whose owner died fires again once it expires (with no second effect).</summary>
    /// <value>The default is 1 minute; positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public Duration Lease
    {
        get => _lease;
        set => _lease = OutboxDispatcherOptions.Positive(value);
    }

    /// <summary>
    /// Gets or sets how long a due timer whose kind has no handler waits before it is claimed again (a deployment may
    /// register the handler meanwhile). It is never completed without its command.
    /// </summary>
    /// <value>The default is 1 hour; positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public Duration UnhandledRetry
    {
        get => _unhandledRetry;
        set => _unhandledRetry = OutboxDispatcherOptions.Positive(value);
    }
}
