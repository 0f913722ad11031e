using System.Diagnostics;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Diagnostics;
using EcomRules.Orders.Events;
using EcomRules.Ports;
using EcomRules.Sla;
using Microsoft.Extensions.Logging;

namespace EcomRules.Hosting;

/// <summary>Maps the core's <see cref="IEcomDiagnostics"/> to logs and metrics.</summary>
internal sealed class HostingDiagnostics : IEcomDiagnostics
{
    private readonly ILogger _logger;
    private readonly EcomRulesTelemetry _telemetry;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _warnedYears = new();

    public HostingDiagnostics(ILogger logger, EcomRulesTelemetry telemetry)
    {
        _logger = logger;
        _telemetry = telemetry;
    }

    public IDisposable? CommandStarting(EcomCommand command) => new CommandExecution(_telemetry, command);

    public void CommandDecided(EcomCommand command, Decision decision)
    {
        var kind = new KeyValuePair<string, object?>(EcomRulesTelemetry.AggregateKindAttribute, decision.Target.Kind);
        var action = new KeyValuePair<string, object?>(EcomRulesTelemetry.CommandNameAttribute, command.Action);
        var outcome = decision.IsReplay ? "replayed" : decision.IsRefused ? "refused" : "accepted";
        CommandExecution.Current?.Decided(outcome, decision);

        if (decision.IsReplay)
        {
            _telemetry.Commands.Add(1, kind, action, new(EcomRulesTelemetry.OutcomeAttribute, outcome));
            Log.CommandReplayed(_logger, command.Action, decision.Target.ToString(), decision.CommandId.Value);
            return;
        }

        if (decision.IsRefused)
        {
            _telemetry.Commands.Add(1, kind, action, new(EcomRulesTelemetry.OutcomeAttribute, outcome));
            _telemetry.Refusals.Add(1, new KeyValuePair<string, object?>(EcomRulesTelemetry.RuleAttribute, decision.RuleId.IsEmpty ? decision.Code.ToString() : decision.RuleId.Value));
            Log.CommandRefused(_logger, command.Action, decision.Target.ToString(), decision.RuleId.IsEmpty ? "-" : decision.RuleId.Value, decision.Code.ToString(), decision.Reason);
            return;
        }

        _telemetry.Commands.Add(1, kind, action, new(EcomRulesTelemetry.OutcomeAttribute, outcome));
        _telemetry.Transitions.Add(1, kind);
        foreach (var e in decision.Events)
        {
            if (e is SlaClosed { Outcome: SlaState.Breached } closed)
            {
                _telemetry.SlaBreaches.Add(1, new KeyValuePair<string, object?>("ecomrules.sla.id", closed.SlaId));
                Log.SlaBreached(_logger, closed.SlaId, decision.Target.ToString());
            }
            else if (e is SlaWarningRaised warning)
            {
                _telemetry.SlaWarnings.Add(1, new KeyValuePair<string, object?>("ecomrules.sla.id", warning.SlaId));
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.CommandAccepted(_logger, command.Action, decision.Target.ToString(), decision.Reason, decision.Version);
        }
    }

    // DSP-1: a metric per command, a warning log once per uncovered year (not per command).
    public void DeadlinesProvisional(EcomCommand command, int year, int deadlines)
    {
        _telemetry.ProvisionalDeadlines.Add(deadlines, new KeyValuePair<string, object?>("ecomrules.calendar.year", year));
        if (_warnedYears.TryAdd(year, 0))
        {
            Log.ProvisionalYear(_logger, year);
        }
    }

    public void TimerUnhandled(DueTimer timer, bool firstOfItsKind)
    {
        _telemetry.TimersUnhandled.Add(1, new KeyValuePair<string, object?>("ecomrules.aggregate.kind", timer.Target.Kind), new KeyValuePair<string, object?>("ecomrules.timer.kind", timer.Kind));
        if (firstOfItsKind)
        {
            Log.TimerUnhandled(_logger, timer.Kind, timer.Target.Kind, timer.TimerId);
        }
    }

    public void TimerFailed(DueTimer timer, Exception exception)
    {
        _telemetry.TimersFailed.Add(1, new KeyValuePair<string, object?>("ecomrules.aggregate.kind", timer.Target.Kind), new KeyValuePair<string, object?>("ecomrules.timer.kind", timer.Kind));
        Log.TimerFailed(_logger, exception, timer.Kind, timer.Target.Kind, timer.TimerId);
    }

    public void ConcurrencyRetry(EcomCommand command, ConcurrencyConflictException conflict, int attempt)
    {
        _telemetry.ConcurrencyRetries.Add(1);
        Log.ConcurrencyRetry(_logger, command.Action, conflict.Key.ToString(), attempt);
    }
}
