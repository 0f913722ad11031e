using EcomRules.Engine;
using EcomRules.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// Reports whether the store answers, how many outbox messages wait, how old the oldest is, and how many are
/// dead letters. Unhealthy when the store does not answer; degraded when there are dead letters or the oldest
/// waiting message is older than <see cref="MaxOutboxLag"/>.
/// </summary>
public sealed class EcomRulesHealthCheck : IHealthCheck
{
    private static readonly AggregateKey Probe = new("health", "probe");
    private readonly IEcomStore _store;
    private readonly IOutboxStore? _outbox;
    private readonly IClock _clock;

    /// <summary>Creates the check.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="outbox">The outbox side of the store, when it has one.</param>
    public EcomRulesHealthCheck(IEcomStore store, IClock clock, IOutboxStore? outbox = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _outbox = outbox;
    }

    /// <summary>Gets or sets the age of the oldest waiting outbox message beyond which the host is degraded.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await _store.LoadAsync(Probe, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The EcomRules store does not answer.", e);
        }

        if (_outbox is null)
        {
            return HealthCheckResult.Healthy("The store answers; it has no outbox.");
        }

        var stats = await _outbox.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var lag = stats.OldestPendingCreatedAt is { } oldest ? (_clock.GetCurrentInstant() - oldest).ToTimeSpan() : TimeSpan.Zero;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["outbox.pending"] = stats.Pending,
            ["outbox.deadLetters"] = stats.DeadLetters,
            ["outbox.lagSeconds"] = Math.Max(0, lag.TotalSeconds),
        };
        if (stats.DeadLetters > 0)
        {
            return HealthCheckResult.Degraded($"{stats.DeadLetters} outbox message(s) are dead letters and wait for a person.", data: data);
        }

        return lag > MaxOutboxLag
            ? HealthCheckResult.Degraded($"The oldest waiting outbox message is {lag.TotalSeconds:0} s old.", data: data)
            : HealthCheckResult.Healthy($"{stats.Pending} outbox message(s) waiting.", data);
    }
}
