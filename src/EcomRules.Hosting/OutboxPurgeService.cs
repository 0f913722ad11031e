using EcomRules.Policies;
using EcomRules.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// Keeps the outbox bounded: deletes delivered messages older than <see cref="EcomPolicy.DeliveredMessageRetention"/>,
/// one batch per run, batches back to back while there is work. Never touches undelivered, dead-lettered or leased
/// messages, audit entries or idempotency records (ORD-6, SEC-3). Idle when the store cannot purge.
/// </summary>
internal sealed class OutboxPurgeService : EcomLoopService
{
    private readonly IServiceProvider _services;
    private readonly EcomRulesTelemetry _telemetry;
    private readonly int _batchSize;
    private IRetentionStore? _store;
    private Duration _retention;
    private bool _prepared;

    public OutboxPurgeService(IServiceProvider services, IClock clock, IOptions<EcomRulesOptions> options, EcomRulesTelemetry telemetry, ILogger<OutboxPurgeService> logger)
        : base(clock, options.Value.Purge, WorkerNames.For(options.Value), logger)
    {
        _services = services;
        _telemetry = telemetry;
        _batchSize = options.Value.Purge.BatchSize;
    }

    protected override string Name => "EcomRules outbox purge";

    protected override void Prepare()
    {
        _store = _services.GetService<IRetentionStore>();
        _retention = _services.GetRequiredService<EcomPolicy>().DeliveredMessageRetention;
        _prepared = true;
    }

    protected override async Task<int> RunOnceAsync(Instant now, CancellationToken cancellationToken)
    {
        var purged = await PurgeOnceAsync(now, cancellationToken).ConfigureAwait(false);

        // A short batch means nothing more is due: wait for the next round.
        return purged < _batchSize ? 0 : purged;
    }

    /// <summary>Deletes one batch of delivered messages older than the retention at <paramref name="now"/> (ORD-6).</summary>
    internal async Task<int> PurgeOnceAsync(Instant now, CancellationToken cancellationToken)
    {
        if (!_prepared)
        {
            Prepare();
        }

        if (_store is not { } store)
        {
            return 0;
        }

        var purged = await store.PurgeDeliveredOutboxAsync(now - _retention, _batchSize, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            _telemetry.OutboxPurged.Add(purged);
            Log.OutboxPurged(Logger, purged);
        }

        return purged;
    }

    protected override void OnLoopFailed(Exception exception, TimeSpan delay) => Log.PurgeLoopFailed(Logger, exception, delay);
}
