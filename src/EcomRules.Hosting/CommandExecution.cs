using System.Diagnostics;
using EcomRules.Commands;

namespace EcomRules.Hosting;

/// <summary>
/// One command's execution as telemetry sees it: the <c>execute {command}</c> span (when something listens to the
/// activity source) and the <c>ecomrules.command.duration</c> measurement, both ended by the engine disposing it.
/// </summary>
internal sealed class CommandExecution : IDisposable
{
    // The execution in progress on this async flow: the engine reports the decision on the flow it started on.
    private static readonly AsyncLocal<CommandExecution?> InProgress = new();
    private readonly EcomRulesTelemetry _telemetry;
    private readonly long _started;
    private readonly KeyValuePair<string, object?> _kind;
    private readonly KeyValuePair<string, object?> _name;
    private string? _outcome;

    public CommandExecution(EcomRulesTelemetry telemetry, EcomCommand command)
    {
        _telemetry = telemetry;
        _started = Stopwatch.GetTimestamp();
        InProgress.Value = this;
        _kind = new(EcomRulesTelemetry.AggregateKindAttribute, command.Target.Kind);
        _name = new(EcomRulesTelemetry.CommandNameAttribute, command.Action);
        Activity = EcomRulesTelemetry.ActivitySource.StartActivity("execute " + command.Action, ActivityKind.Internal);
        if (Activity is { IsAllDataRequested: true })
        {
            Activity.SetTag(EcomRulesTelemetry.CommandNameAttribute, command.Action);
            Activity.SetTag(EcomRulesTelemetry.AggregateKindAttribute, command.Target.Kind);
            Activity.SetTag("ecomrules.command.id", command.CommandId.Value);
            Activity.SetTag("ecomrules.actor.role", command.Actor.Role.Value);
        }
    }

    public static CommandExecution? Current => InProgress.Value;

    public Activity? Activity { get; }

    /// <summary>Records the decision on the span; the duration is recorded with its outcome on dispose.</summary>
    public void Decided(string outcome, Decision decision)
    {
        _outcome = outcome;
        if (Activity is { IsAllDataRequested: true })
        {
            Activity.SetTag(EcomRulesTelemetry.OutcomeAttribute, outcome);
            Activity.SetTag("ecomrules.aggregate.version", decision.Version);
            if (decision.IsRefused)
            {
                Activity.SetTag(EcomRulesTelemetry.RuleAttribute, decision.RuleId.IsEmpty ? decision.Code.ToString() : decision.RuleId.Value);
            }
        }
    }

    public void Dispose()
    {
        if (_outcome is null)
        {
            // No decision was reported: the execution failed with an exception.
            Activity?.SetStatus(ActivityStatusCode.Error);
        }

        _telemetry.CommandDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _kind, _name, new(EcomRulesTelemetry.OutcomeAttribute, _outcome ?? "error"));
        Activity?.Dispose();
        if (ReferenceEquals(InProgress.Value, this))
        {
            InProgress.Value = null;
        }
    }
}
