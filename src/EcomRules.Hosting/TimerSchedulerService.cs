using EcomRules.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>Runs the <see cref="TimerScheduler"/>: fires due SLA, dispatch-deadline and auto-completion timers.</summary>
internal sealed class TimerSchedulerService : EcomLoopService
{
    private readonly IServiceProvider _services;
    private TimerScheduler? _scheduler;
    private readonly EcomRulesTelemetry _telemetry;

    public TimerSchedulerService(IServiceProvider services, IClock clock, IOptions<EcomRulesOptions> options, EcomRulesTelemetry telemetry, ILogger<TimerSchedulerService> logger)
        : base(clock, options.Value.Timers, WorkerNames.For(options.Value), logger)
    {
        _services = services;
        _telemetry = telemetry;
    }

    protected override string Name => "EcomRules timer scheduler";

    protected override string SpanName => "fire ecomrules.timers";

    // Resolved when the loop starts, so a disabled loop never needs its ports.
    protected override void Prepare() => _scheduler = _services.GetRequiredService<TimerScheduler>();

    protected override async Task<int> RunOnceAsync(Instant now, CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("The loop was not prepared.");
        var firedBefore = scheduler.Fired;
        var claimed = await scheduler.RunOnceAsync(Worker, now, cancellationToken).ConfigureAwait(false);

        // Claimed timers that were postponed (no handler, DSP-1) or failed are not counted as fired.
        var fired = scheduler.Fired - firedBefore;
        if (fired > 0)
        {
            _telemetry.TimersFired.Add(fired);
            Log.TimersFired(Logger, (int)fired);
        }

        return claimed;
    }

    protected override void OnLoopFailed(Exception exception, TimeSpan delay) => Log.TimerLoopFailed(Logger, exception, delay);
}
