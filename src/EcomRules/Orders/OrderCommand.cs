using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Workflow;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// A command on an existing order. It fires its trigger on <see cref="OrderWorkflow.Definition"/>: a refusal names
/// the rule (ORD-1, ORD-2, ORD-7 …) and changes nothing; an acceptance applies the command's effect.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When it takes effect.</param>
/// <param name="OrderId">The order.</param>
public abstract record OrderCommand(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => OrderId.Key;

    /// <summary>Gets the trigger the command fires.</summary>
    internal abstract OrderTrigger Trigger { get; }

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not Order order)
        {
            return CommandOutcome.NotFound(Target);
        }

        var fired = OrderWorkflow.Definition.TryFire(order.State, Trigger, order.FactsAt(At));
        if (fired.IsRefused)
        {
            var refusal = fired.Refusal;
            return CommandOutcome.Refuse(RefusalCode.RuleViolation, refusal.Reason, refusal.RuleId);
        }

        return fired.Kind == TransitionKind.Ignored
            ? CommandOutcome.Accept(OrderTransitions.Ignored(order.State, Trigger), [], [])
            : Apply(order, stored.Version, input.Policy);
    }

    /// <summary>Applies the accepted command to the order.</summary>
    internal abstract CommandOutcome Apply(Order order, long version, EcomPolicy policy);

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("order", OrderId.Value);
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal abstract void WriteFields(PayloadWriter writer);

    /// <summary>Accepts with the order's new state, and optionally one more aggregate written in the same change set.</summary>
    private protected CommandOutcome Accept(Order before, Order after, long version, IReadOnlyList<DomainEvent> events, IReadOnlyList<TimerRequest>? timers = null, AggregateWrite? also = null)
        => CommandOutcome.Accept(OrderTransitions.Describe(before.State, after.State),
            also is null ? [new AggregateWrite(Target, version, after)] : [new AggregateWrite(Target, version, after), also], events, timers);
}
