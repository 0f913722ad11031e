using System.ComponentModel.DataAnnotations;

// TimeSpan ranges are checked by EcomPolicyOptionsValidator: RangeAttribute(Type, …) is not trimming-safe.

namespace EcomRules.Hosting;

/// <summary>How a background loop (the outbox dispatcher or the timer scheduler) polls and claims work.</summary>
public sealed class EcomProcessingOptions
{
    /// <summary>Gets or sets whether the loop runs in this host.</summary>
    /// <value>The default is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how long the loop waits when it found nothing to do.</summary>
    /// <value>The default is 1 second; between 10 ms and 1 hour.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many items one claim takes.</summary>
    /// <value>The default is 50; between 1 and 1000.</value>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Gets or sets how long a claim holds before another host may take the item.</summary>
    /// <value>The default is 30 seconds; between 1 second and 1 hour.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many failed deliveries make a dead letter (outbox only).</summary>
    /// <value>The default is 8; between 1 and 100.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;
}
