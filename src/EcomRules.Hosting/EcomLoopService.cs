using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// A background loop that claims and handles work in batches: runs again at once while there is work, waits the
/// poll interval when there is none, and backs off after a failure. Stops between batches on shutdown; a batch
/// interrupted by shutdown is left to its lease and handled again (at-least-once, idempotent).
/// </summary>
internal abstract class EcomLoopService : BackgroundService
{
    private readonly IClock _clock;
    private readonly EcomProcessingOptions _options;

    protected EcomLoopService(IClock clock, EcomProcessingOptions options, string worker, ILogger logger)
    {
        _clock = clock;
        _options = options;
        Worker = worker;
        Logger = logger;
    }

    protected string Worker { get; }

    /// <summary>Gets how long the loop waits after a poll that found no work.</summary>
    protected TimeSpan PollInterval => _options.PollInterval;

    protected ILogger Logger { get; }

    protected abstract string Name { get; }

    /// <summary>Gets the name of the span around one poll, in OpenTelemetry's "{operation} {target}" style.</summary>
    protected virtual string SpanName => Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // A missing port or store fails the host at start, not once per poll.
        Prepare();
        Log.ServiceStarted(Logger, Name, Worker);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var activity = EcomRulesTelemetry.ActivitySource.StartActivity(SpanName);
                var handled = await RunOnceAsync(_clock.GetCurrentInstant(), stoppingToken).ConfigureAwait(false);
                failures = 0;
                if (handled == 0)
                {
                    await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A store outage must not kill the host: report, back off (capped), try again.
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(_options.PollInterval.Ticks * (1L << Math.Min(failures, 6)), TimeSpan.FromMinutes(1).Ticks));
                OnLoopFailed(e, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Log.ServiceStopped(Logger, Name);
    }

    protected abstract void Prepare();

    protected abstract Task<int> RunOnceAsync(Instant now, CancellationToken cancellationToken);

    protected abstract void OnLoopFailed(Exception exception, TimeSpan delay);
}
