using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Returns.Events;
using EcomRules.Workflow;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// A command on an existing return case. It loads the case and its order, fires its trigger on
/// <see cref="ReturnWorkflow.Definition"/> (a refusal names the rule, RET-3/RET-4, and changes nothing) and applies
/// its effect; commands that end the case also close it on the order in the same change set.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When it takes effect.</param>
/// <param name="CaseId">The return case.</param>
public abstract record ReturnCommand(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => CaseId.Key;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [CaseId.Order.Key];

    /// <summary>Gets the trigger the command fires.</summary>
    internal abstract ReturnTrigger Trigger { get; }

    /// <summary>Gets the trigger the command fires on <paramref name="returnCase"/>; <see cref="Trigger"/> unless the
    /// case's kind decides (a restock of an exchange or a repair, RET-5).</summary>
    internal virtual ReturnTrigger TriggerFor(ReturnCase returnCase) => Trigger;

    /// <summary>Gets what the workflow's guards see.</summary>
    internal virtual ReturnFacts Facts => default;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not ReturnCase returnCase)
        {
            return CommandOutcome.NotFound(Target);
        }

        var orderKey = CaseId.Order.Key;
        if (input.Get<Order>(orderKey) is not { } order)
        {
            return CommandOutcome.NotFound(orderKey);
        }

        var trigger = TriggerFor(returnCase);
        var fired = ReturnWorkflow.Definition.TryFire(returnCase.State, trigger, Facts);
        if (fired.IsRefused)
        {
            var refusal = fired.Refusal;
            return CommandOutcome.Refuse(RefusalCode.RuleViolation, refusal.Reason, refusal.RuleId);
        }

        return fired.Kind == TransitionKind.Ignored
            ? CommandOutcome.Accept($"{returnCase.State}: {trigger} ignored (already done)", [], [])
            : Apply(new ReturnStep(returnCase, stored.Version, order, input.VersionOf(orderKey), input.Policy));
    }

    /// <summary>Applies the accepted command.</summary>
    internal abstract CommandOutcome Apply(ReturnStep step);

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("case", CaseId.ToString());
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal abstract void WriteFields(PayloadWriter writer);

    /// <summary>Accepts with the case's new state and, when given, the order's and one more aggregate's.</summary>
    private protected CommandOutcome Accept(ReturnStep step, ReturnCase after, IReadOnlyList<DomainEvent> events,
        IReadOnlyList<TimerRequest>? timers = null, Order? order = null, AggregateWrite? also = null)
    {
        var writes = new List<AggregateWrite>(3) { new(Target, step.Version, after) };
        if (order is not null)
        {
            writes.Add(new AggregateWrite(CaseId.Order.Key, step.OrderVersion, order));
            if (CompletionDue(step.Order, order) is { } completion)
            {
                timers = [.. timers ?? [], completion];
            }
        }

        if (also is not null)
        {
            writes.Add(also);
        }

        return CommandOutcome.Accept($"{step.Case.State} → {after.State}", writes, events, timers);
    }

    /// <summary>
    /// ORD-1: the order's completion timer fires when its return window closes, and is refused while a return is open.
    /// When this step closes the order's last open return after its window closed, the order completes now.
    /// </summary>
    private TimerRequest? CompletionDue(Order before, Order after)
        => before.OpenReturns > 0 && after.OpenReturns == 0 && after.State == OrderState.Received && after.ReturnWindowClosesAt is { } closes && closes <= At
            ? new TimerRequest(CaseId.Order.Key, "complete", RecordTrackingEvent.AutoCompleteTimerKind, At)
            : null;

    /// <summary>RET-7: a notice to the customer about this step.</summary>
    private protected CustomerNotificationRequested Notice(ReturnCase returnCase, string template, string text)
        => new(Target, At, returnCase.CustomerPhone, template, text);

    /// <summary>RET-7: the case ended; it is archived and the customer told.</summary>
    private protected void Archive(List<DomainEvent> events, ReturnCase archived, string text)
    {
        events.Add(Notice(archived, "return-closed", text));
        events.Add(new ReturnArchived(Target, At, archived.Outcome));
    }

    /// <summary>RET-4: goods and invoice received; the invoice goes to finance and SLA-7 starts.</summary>
    private protected CommandOutcome ReceiveGoods(ReturnStep step, string? notes, DomainEvent cause)
    {
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Start(step.Case.Slas, step.Policy.Sla("SLA-7"), step.Policy, Target, At, timers); // SLA-7
        var received = step.Case.Receiving(At, notes, slas);
        return Accept(step, received,
        [
            cause,
            new InvoiceHandedToFinance(Target, At, step.Order.InvoiceNumber), // RET-4, INV-3
            Notice(received, "return-received", $"Your returned goods for {CaseId} were received and checked."), // RET-7
        ],
        timers);
    }

    /// <summary>
    /// RET-5: the replacement (exchange) or the repaired goods (repair) go to the customer: a carrier booking through the
    /// outbox like an order's shipment (CAR-2), to the order's address, and the customer is told (RET-7). SLA-4 (handed
    /// to the carrier) runs on the case until the booking is recorded.
    /// </summary>
    private protected CommandOutcome RequestReplacement(ReturnStep step, ReturnCase requested, List<DomainEvent> events, List<TimerRequest> timers)
    {
        var order = step.Order;
        events.Add(new ReplacementShipmentRequested(Target, At, requested.Warehouse, requested.Lines, order.ShipTo, step.Policy.Carriers.RankedIds(order.ShipTo.Province)));
        events.Add(Notice(requested, "return-replacement-requested", requested.Kind == ReturnKind.Repair
            ? $"Your goods for {CaseId} are repaired and will be shipped back to you shortly."
            : $"Your exchange {CaseId}: the replacement will be shipped to you shortly.")); // RET-7
        return Accept(step, requested, events, timers);
    }

    /// <summary>What a return command decides on.</summary>
    internal readonly record struct ReturnStep(ReturnCase Case, long Version, Order Order, long OrderVersion, EcomPolicy Policy);
}
