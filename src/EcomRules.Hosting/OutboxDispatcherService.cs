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
    private Instant? _statisticsReadAt;

    public OutboxDispatcherService(IServiceProvider services, IClock clock, IOptions<EcomRulesOptions> options, EcomRulesTelemetry telemetry, ILogger<OutboxDispatcherService> logger)
        : base(clock, options.Value.Outbox, WorkerNames.For(options.Value), logger)
    {
        _services = services;
        _telemetry = telemetry;
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

        // The lag, backlog and dead-letter gauges are refreshed on every poll that found no work (the loop then waits a
        // poll interval) and, while a backlog drains and the loop polls again at once after each batch, once a poll
        // interval of the clock: counting the backlog reads every pending message (SQLite keeps no count). A clock set
        // back before the last refresh refreshes too.
        if (_outbox is not null && (handled == 0 || _statisticsReadAt is not { } last || now < last || now - last >= Duration.FromTimeSpan(PollInterval)))
        {
            _telemetry.ReportOutbox(await _outbox.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false), now);
            _statisticsReadAt = now;
        }

        return handled;
    }

    protected override void OnLoopFailed(Exception exception, TimeSpan delay) => Log.OutboxLoopFailed(Logger, exception, delay);
}
