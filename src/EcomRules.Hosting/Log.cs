using Microsoft.Extensions.Logging;

using EcomRules.Deadlines;

namespace EcomRules.Hosting;

/// <summary>
/// EcomRules' log messages, source-generated, with stable event IDs (1000s: commands; 1100s: outbox; 1200s: timers;
/// 1300s: host). No message carries personal data (SEC-1): targets are aggregate keys, reasons are rule sentences.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Debug, "{Action} on {Target} accepted: {Change} (v{Version})")]
    public static partial void CommandAccepted(ILogger logger, string action, string target, string change, long version);

    [LoggerMessage(1001, LogLevel.Information, "{Action} on {Target} refused by {RuleId} ({Code}): {Reason}")]
    public static partial void CommandRefused(ILogger logger, string action, string target, string ruleId, string code, string reason);

    [LoggerMessage(1002, LogLevel.Debug, "{Action} on {Target} replayed from command {CommandId}")]
    public static partial void CommandReplayed(ILogger logger, string action, string target, string commandId);

    [LoggerMessage(1003, LogLevel.Warning, "{Action} on {Target} met a concurrent change (attempt {Attempt}); deciding again")]
    public static partial void ConcurrencyRetry(ILogger logger, string action, string target, int attempt);

    [LoggerMessage(1004, LogLevel.Warning, "{Sla} breached on {Target}")]
    public static partial void SlaBreached(ILogger logger, string sla, string target);

    [LoggerMessage(1100, LogLevel.Debug, "Outbox: delivered {Count} message(s)")]
    public static partial void OutboxDelivered(ILogger logger, int count);

    [LoggerMessage(1101, LogLevel.Warning, "Outbox: {Count} delivery failure(s); retried with backoff or dead-lettered")]
    public static partial void OutboxFailures(ILogger logger, int count);

    [LoggerMessage(1102, LogLevel.Error, "Outbox dispatcher loop failed; retrying after {Delay}")]
    public static partial void OutboxLoopFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(1200, LogLevel.Debug, "Timers: fired {Count} timer(s)")]
    public static partial void TimersFired(ILogger logger, int count);

    [LoggerMessage(1201, LogLevel.Error, "Timer scheduler loop failed; retrying after {Delay}")]
    public static partial void TimerLoopFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(1202, LogLevel.Warning, "Timers: a due {TimerKind} timer on a {AggregateKind} has no handler; it is kept and retried, not fired (first of its kind: {TimerId})")]
    public static partial void TimerUnhandled(ILogger logger, string timerKind, string aggregateKind, string timerId);

    [LoggerMessage(1203, LogLevel.Warning, "Timers: a due {TimerKind} timer on a {AggregateKind} failed to fire; it fires again when its lease expires ({TimerId})")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string timerKind, string aggregateKind, string timerId);

    [LoggerMessage(1103, LogLevel.Information, "Outbox: purged {Count} delivered message(s) past their retention")]
    public static partial void OutboxPurged(ILogger logger, int count);

    [LoggerMessage(1104, LogLevel.Error, "Outbox purge loop failed; retrying after {Delay}")]
    public static partial void PurgeLoopFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(1300, LogLevel.Information, "{Service} started as worker {Worker}")]
    public static partial void ServiceStarted(ILogger logger, string service, string worker);

    [LoggerMessage(1301, LogLevel.Information, "{Service} stopped")]
    public static partial void ServiceStopped(ILogger logger, string service);
}
