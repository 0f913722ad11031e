using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcomRules.Hosting;

/// <summary>
/// The meter and activity source EcomRules reports through, both named <see cref="Name"/>. Subscribe with any
/// metrics or tracing exporter (OpenTelemetry: <c>AddMeter("EcomRules")</c>, <c>AddSource("EcomRules")</c>); the
/// library itself depends on none.
/// </summary>
public sealed class EcomRulesTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "EcomRules";

    /// <summary>The attribute naming a command (<c>PayOrder</c>), on command spans and metrics.</summary>
    public const string CommandNameAttribute = "ecomrules.command.name";

    /// <summary>The attribute naming an aggregate kind (<c>order</c>, <c>return</c>, <c>refund</c>).</summary>
    public const string AggregateKindAttribute = "ecomrules.aggregate.kind";

    /// <summary>The attribute saying how a command ended: <c>accepted</c>, <c>refused</c>, <c>replayed</c> or <c>error</c>.</summary>
    public const string OutcomeAttribute = "ecomrules.decision.outcome";

    /// <summary>The attribute naming the rule that refused a command (<c>ORD-1</c>), or the refusal code when no rule did.</summary>
    public const string RuleAttribute = "ecomrules.rule.id";

    private double _outboxLagSeconds;
    private long _outboxPending;
    private long _outboxDeadLetters;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public EcomRulesTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(Name);
        Commands = Meter.CreateCounter<long>("ecomrules.commands", "{command}", "Commands decided, by aggregate kind, action and outcome.");
        Transitions = Meter.CreateCounter<long>("ecomrules.transitions", "{transition}", "Accepted state changes, by aggregate kind.");
        Refusals = Meter.CreateCounter<long>("ecomrules.refusals", "{refusal}", "Refused commands, by rule ID.");
        SlaBreaches = Meter.CreateCounter<long>("ecomrules.sla.breaches", "{breach}", "SLA timers that breached, by SLA ID (SLA-8).");
        SlaWarnings = Meter.CreateCounter<long>("ecomrules.sla.warnings", "{warning}", "SLA warning thresholds reached while running, by SLA ID (SLA-8).");
        ConcurrencyRetries = Meter.CreateCounter<long>("ecomrules.concurrency.retries", "{retry}", "Commands decided again after a concurrent change.");
        OutboxDelivered = Meter.CreateCounter<long>("ecomrules.outbox.delivered", "{message}", "Outbox messages delivered.");
        OutboxFailed = Meter.CreateCounter<long>("ecomrules.outbox.failed", "{message}", "Outbox deliveries that failed (retried or dead-lettered).");
        Meter.CreateObservableGauge("ecomrules.outbox.lag", () => Volatile.Read(ref _outboxLagSeconds), "s", "Age of the oldest outbox message still waiting for delivery.");
        Meter.CreateObservableGauge("ecomrules.outbox.pending", () => Volatile.Read(ref _outboxPending), "{message}", "Outbox messages waiting for delivery.");
        Meter.CreateObservableGauge("ecomrules.outbox.dead_letters", () => Volatile.Read(ref _outboxDeadLetters), "{message}", "Outbox messages that failed too often and wait for a person.");
        TimersFired = Meter.CreateCounter<long>("ecomrules.timers.fired", "{timer}", "Durable timers fired, by kind.");
        ProvisionalDeadlines = Meter.CreateCounter<long>("ecomrules.calendar.provisional_deadlines", "{deadline}", "Deadlines computed on provisional calendar days of a year without public-holiday data, by year (DSP-1).");
        TimersUnhandled = Meter.CreateCounter<long>("ecomrules.timers.unhandled", "{timer}", "Due timers whose kind has no handler: kept and retried, never completed, by aggregate kind and timer kind.");
        TimersFailed = Meter.CreateCounter<long>("ecomrules.timers.failed", "{timer}", "Due timers that failed to fire (their command or its handler threw): kept claimed and fired again when the lease expires, by aggregate kind and timer kind.");
        OutboxPurged = Meter.CreateCounter<long>("ecomrules.outbox.purged", "{message}", "Delivered outbox messages deleted after their retention.");
        CommandDuration = Meter.CreateHistogram<double>("ecomrules.command.duration", "s", "How long executing a command took, by aggregate kind, command and outcome.");
    }

    /// <summary>
    /// Gets the activity source: an <c>execute {command}</c> span per command (<c>execute PayOrder</c>), and a
    /// <c>dispatch ecomrules.outbox</c> or <c>fire ecomrules.timers</c> span per poll of the background services.
    /// </summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Gets the meter.</summary>
    public Meter Meter { get; }

    internal Counter<long> ProvisionalDeadlines { get; }

    internal Counter<long> Commands { get; }

    internal Counter<long> Transitions { get; }

    internal Counter<long> Refusals { get; }

    internal Counter<long> SlaBreaches { get; }

    internal Counter<long> SlaWarnings { get; }

    internal Counter<long> ConcurrencyRetries { get; }

    internal Counter<long> OutboxDelivered { get; }

    internal Counter<long> OutboxFailed { get; }


    internal Counter<long> TimersFired { get; }

    internal Counter<long> TimersUnhandled { get; }

    internal Counter<long> TimersFailed { get; }

    internal Counter<long> OutboxPurged { get; }

    internal Histogram<double> CommandDuration { get; }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    /// <summary>Records the outbox's backlog for the observable gauges.</summary>
    internal void ReportOutbox(Ports.OutboxStatistics statistics, NodaTime.Instant now)
    {
        var lag = statistics.OldestPendingCreatedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        Volatile.Write(ref _outboxLagSeconds, lag);
        Volatile.Write(ref _outboxPending, statistics.Pending);
        Volatile.Write(ref _outboxDeadLetters, statistics.DeadLetters);
    }
}
