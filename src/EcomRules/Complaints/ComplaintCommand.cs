using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Workflow;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// A command on an existing complaint. The actor's role is checked first (refused naming AFS-1 or AFS-2), then the
/// command fires its trigger on <see cref="ComplaintWorkflow.Definition"/> (a refusal names the rule and changes
/// nothing) and applies its effect.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When it takes effect.</param>
/// <param name="ComplaintId">The complaint.</param>
public abstract record ComplaintCommand(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => ComplaintId.Key;

    /// <summary>Gets the trigger the command fires.</summary>
    internal abstract ComplaintTrigger Trigger { get; }

    /// <summary>Gets the text the command records (answer, decision, outcome), or null.</summary>
    internal abstract string? Text { get; }

    /// <summary>Gets whether the actor's role may issue the command; null when anyone may.</summary>
    internal abstract RuleId? RefuseRole(ActorRole role);

    /// <summary>Gets the finding the command makes on the complaint's substance: upheld against the merchant (MER-3). False unless the command settles the substance.</summary>
    internal virtual bool UpheldFinding => false;

    /// <summary>Gets what the workflow's guards see, given the loaded aggregates.</summary>
    internal virtual ComplaintFacts FactsFor(Complaint complaint, DecisionInput input) => new(!string.IsNullOrWhiteSpace(Text), false);

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not Complaint complaint)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (RefuseRole(Actor.Role) is { } rule)
        {
            return CommandOutcome.Refuse(rule, $"{Actor.Role} may not {Describe(Trigger)} complaint {ComplaintId}.");
        }

        if (Check(complaint, input) is { } refused)
        {
            return refused;
        }

        var fired = ComplaintWorkflow.Definition.TryFire(complaint.State, Trigger, FactsFor(complaint, input));
        if (fired.IsRefused)
        {
            return CommandOutcome.Refuse(RefusalCode.RuleViolation, fired.Refusal.Reason, fired.Refusal.RuleId);
        }

        return fired.Kind == TransitionKind.Ignored
            ? CommandOutcome.Accept($"{complaint.State}: {Trigger} ignored (already done)", [], [])
            : Apply(complaint, stored.Version, input);
    }

    /// <summary>Checks what the workflow does not see, before it fires; null when nothing is wrong.</summary>
    internal virtual CommandOutcome? Check(Complaint complaint, DecisionInput input) => null;

    /// <summary>Applies the accepted command.</summary>
    internal abstract CommandOutcome Apply(Complaint complaint, long version, DecisionInput input);

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits) => limits.Reason(Text, "text");

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("complaint", ComplaintId.Number).Add("text", Text);
        if (UpheldFinding)
        {
            writer.Add("upheld", true); // only when made: the fingerprints of commands without the finding are unchanged
        }
    }

    /// <summary>Accepts with the complaint's new state.</summary>
    private protected CommandOutcome Accept(Complaint before, long version, Complaint after, IReadOnlyList<DomainEvent> events, IReadOnlyList<TimerRequest>? timers = null)
        => CommandOutcome.Accept($"{before.State} → {after.State}", [new AggregateWrite(Target, version, after)], events, timers);

    /// <summary>AFS-1: the complaint is answered: SLA-6 stops, the answer is recorded and goes to the customer by SMS.</summary>
    private protected CommandOutcome AnswerWith(Complaint complaint, long version, EcomPolicy policy, string answer, bool byHead, List<DomainEvent> events,
        ComplaintResolution? closing = null)
    {
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(complaint.Slas, policy, Target, At, events, timers, "SLA-6"); // SLA-6 answered
        var after = complaint.Answering(answer, Actor.Id, At, slas).Finding(UpheldFinding);
        if (closing is { } resolution)
        {
            after = after.Closing(resolution, At);
        }

        events.Add(new ComplaintAnswered(Target, At, Actor.Id, byHead, answer));
        events.Add(Notice(complaint, "complaint-answered", $"Your complaint {ComplaintId}: {answer}"));
        if (closing is not null)
        {
            events.AddRange(Closed(after));
        }

        return Accept(complaint, version, after, events, timers);
    }

    /// <summary>
    /// The events of closing <paramref name="closed"/>: <see cref="ComplaintClosed"/>, and when its last finding upheld it
    /// against its order's merchant, <see cref="ComplaintUpheldAgainstMerchant"/> (recorded against the merchant, MER-3).
    /// </summary>
    private protected IEnumerable<DomainEvent> Closed(Complaint closed)
    {
        yield return new ComplaintClosed(Target, At, closed.Resolution);
        if (closed.Upheld && closed.Merchant is { } merchant)
        {
            yield return new ComplaintUpheldAgainstMerchant(Target, At, merchant, closed.Resolution);
        }
    }

    /// <summary>A notice to the customer by SMS (AFS-1), sent through the outbox.</summary>
    private protected CustomerNotificationRequested Notice(Complaint complaint, string template, string text)
        => new(Target, At, complaint.CustomerPhone, template, text);

    /// <summary>Customer service staff, or their department head.</summary>
    internal static bool IsService(ActorRole role) => role == ActorRole.CustomerService || role == ActorRole.ServiceDepartmentHead;

    private static string Describe(ComplaintTrigger trigger) => trigger switch
    {
        ComplaintTrigger.Decide => "decide escalated",
        ComplaintTrigger.Settle or ComplaintTrigger.FailMediation => "record the mediation of",
        ComplaintTrigger.Award => "record the arbitration of",
        ComplaintTrigger.ResolveByReturnCase => "close with its return case",
        _ => trigger.ToString().ToLowerInvariant(),
    };
}
