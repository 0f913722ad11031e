using EcomRules.Ports;
using EcomRules.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>Runs the <see cref="OutboxDispatcher"/>: delivers outbox messages to the invoice, carrier and SMS ports.</summary>
internal sealed class OutboxDispatcherService : EcomLoopService
{
    private readonly IServiceProvider _services;
    private IOutboxStore? _outbox;
    private OutboxDispatcher? _dispatcher;
    private readonly EcomRulesTelemetry _telemetry;
    private readonly Duration _statisticsInterval;
    private Instant? _statisticsDue;

    public OutboxDispatcherService(IServiceProvider services, IClock clock, IOptions<EcomRulesOptions> options, EcomRulesTelemetry telemetry, ILogger<OutboxDispatcherService> logger)
        : base(clock, options.Value.Outbox, WorkerNames.For(options.Value), logger)
    {
        _services = services;
        _telemetry = telemetry;
        _statisticsInterval = Duration.FromTimeSpan(options.Value.Outbox.PollInterval);
    }

    protected override string Name => "EcomRules outbox dispatcher";

    protected override string SpanName => "dispatch ecomrules.outbox";

    // Resolved when the loop starts, so a disabled loop never needs its ports.
    protected override void Prepare()
    {
        _dispatcher = _services.GetRequiredService<OutboxDispatcher>();
        _outbox = _services.GetService<IOutboxStore>();
    }

    protected override async Task<int> RunOnceAsync(Instant now, CancellationToken cancellationToken)
    {
        var dispatcher = _dispatcher ?? throw new InvalidOperationException("The loop was not prepared.");
        var delivered = dispatcher.Delivered;
        var failed = dispatcher.Failed;
        var handled = await dispatcher.RunOnceAsync(Worker, now, cancellationToken).ConfigureAwait(false);
        var newlyDelivered = dispatcher.Delivered - delivered;
        var newlyFailed = dispatcher.Failed - failed;
        if (newlyDelivered > 0)
        {
            _telemetry.OutboxDelivered.Add(newlyDelivered);
            Log.OutboxDelivered(Logger, (int)newlyDelivered);
        }

        if (newlyFailed > 0)
        {
            _telemetry.OutboxFailed.Add(newlyFailed);
            Log.OutboxFailures(Logger, (int)newlyFailed);
        }

        // The lag, backlog and dead-letter gauges are refreshed at most once a poll interval of the clock. Counting the
        // backlog reads every pending message (SQLite keeps no count): while a backlog drains, the loop polls again at
        // once after each batch: a refresh per batch of 50 took 16 ms on SQLite with 77,000 messages pending. A clock
        // set back refreshes at once rather than waiting for the old due instant.
        if (_outbox is not null && (_statisticsDue is not { } due || now >= due || now < due - _statisticsInterval))
        {
            _telemetry.ReportOutbox(await _outbox.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false), now);
            _statisticsDue = now + _statisticsInterval;
        }

        return handled;
    }

    protected override void OnLoopFailed(Exception exception, TimeSpan delay) => Log.OutboxLoopFailed(Logger, exception, delay);
}
