using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// Random command sequences on 1–3 orders — out of order, cancels anywhere, the same CommandId re-sent, time moving
/// forward — run against <see cref="EcomEngine"/> and against a small reference model of ORD-1/ORD-2/ORD-7.
/// </summary>
/// <summary>One generated action: a new command (a step, or placement when null) or a re-send of an earlier one.</summary>
public sealed record OrderAction(int Order, OrderStep? Step, int ResendOf, long AdvanceMinutes)
{
    /// <inheritdoc />
    public override string ToString() => ResendOf >= 0
        ? $"resend #{ResendOf}"
        : $"O{Order} {(Step?.ToString() ?? "Place")} +{AdvanceMinutes}m";
}

[Trait("Area", "Orders")]
[Properties(Arbitrary = [typeof(OrderModelProperties)], MaxTest = 120)]
public sealed class OrderModelProperties
{
    private const decimal Total = 112m; // PrivateBuyer in Zhejiang, 2 × 50 + 12 freight

    private static readonly Instant Start = OrderScenario.At(2026, 1, 5, 8, 0);

    private static readonly OrderStep[] Steps = Enum.GetValues<OrderStep>();

    private static readonly Gen<OrderAction> Actions =
        from order in Gen.Choose(1, 3)
        from kind in Gen.Frequency((3, Gen.Constant(-1)), (12, Gen.Choose(0, Steps.Length - 1)), (2, Gen.Constant(-2)))
        from resendOf in Gen.Choose(0, 40)
        from advance in Gen.Frequency((6, Gen.Choose(0, 90)), (2, Gen.Choose(0, 3 * 24 * 60)), (1, Gen.Choose(0, 20 * 24 * 60)))
        select new OrderAction(order, kind >= 0 ? Steps[kind] : null, kind == -2 ? resendOf : -1, advance);

    [Property]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "ORD-2")]
    [Trait("Rule", "ORD-7")]
    public void Engine_AgreesWithTheReferenceModel(OrderAction[] actions) => Run(actions);

    /// <summary>
    /// Scripts of 1 to 30 actions; shrinking drops actions (keeping one), then moves each towards the first order,
    /// less waiting, an earlier re-send.
    /// </summary>
    public static Arbitrary<OrderAction[]> Scripts() => Arb.From(
        from n in Gen.Choose(1, 30) from actions in Gen.ArrayOf(Actions, n) select actions,
        actions => Shrinks.Array(actions, ShrinkAction, minLength: 1));

    private static IEnumerable<OrderAction> ShrinkAction(OrderAction action)
        => Shrinks.Int(action.Order, 1, 3).Select(o => action with { Order = o })
            .Concat(Shrinks.Long(action.AdvanceMinutes, 0, 20 * 24 * 60).Select(m => action with { AdvanceMinutes = m }))
            .Concat(action.ResendOf >= 0 ? Shrinks.Int(action.ResendOf, 0, 40).Select(r => action with { ResendOf = r }) : []);

    private static void Run(OrderAction[] actions)
    {
        var s = new OrderScenario();
        var model = new Dictionary<string, ModelOrder>();
        var sent = new List<(EcomCommand Command, bool Accepted)>();
        var at = Start;
        foreach (var action in actions)
        {
            if (at < OrderScenario.At(2026, 10, 1, 0)) // stay inside the calendar's covered years
            {
                at += Duration.FromMinutes(action.AdvanceMinutes);
            }

            var before = (Audit: s.Store.AuditTrail.Count, Outbox: s.Store.Outbox.Count);
            var states = model.Keys.ToDictionary(k => k, k => s.Order(k).State);
            if (action.ResendOf >= 0)
            {
                if (sent.Count == 0)
                {
                    continue;
                }

                var (command, accepted) = sent[action.ResendOf % sent.Count];
                var replay = s.Execute(command);
                Assert.True(replay.IsReplay, replay.ToString());
                Assert.Equal(accepted, replay.IsAccepted);
                Assert.Equal(before, (s.Store.AuditTrail.Count, s.Store.Outbox.Count)); // never a second effect
                continue;
            }

            var id = "O" + action.Order;
            var cmd = action.Step is { } step
                ? s.Command(step, s.NextId(), id, at, new Money(Total))
                : new PlaceOrder(s.NextId(), OrderScenario.Customer, at, new OrderId(id), OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 2, 50m)));
            model.TryGetValue(id, out var current);
            var expected = ModelOrder.Apply(current, action.Step, at);
            var decision = s.Execute(cmd);
            if (EcomEngine.IsRecorded(decision.Code))
            {
                sent.Add((cmd, decision.IsAccepted)); // a missing target is not recorded: its resend is decided again
            }

            Assert.True(expected is not null == decision.IsAccepted, $"{action} on {current}: {decision}");
            if (expected is null)
            {
                Assert.Equal(before, (s.Store.AuditTrail.Count, s.Store.Outbox.Count));
                continue;
            }

            model[id] = expected;
            // SEC-3: one entry per aggregate the command wrote (a paid cancellation also creates its refund).
            Assert.Equal(before.Audit + Math.Max(1, decision.Events.OfType<global::EcomRules.Refunds.Events.RefundRequested>().Count() + 1), s.Store.AuditTrail.Count);
            var order = s.Order(id);
            Assert.Equal(expected.State, order.State);
            Assert.Equal(expected.Paid ? new Money(Total) : Money.Zero, order.Paid);
            if (decision.Events.OfType<OrderCancelled>().SingleOrDefault() is { } cancelled)
            {
                Assert.Equal(order.Paid, cancelled.Refund); // ORD-2: exactly what was paid
                Assert.Equal(order.Paid, order.RefundReserved + order.Refunded); // reserved now, paid through the refund path
            }

            if (order.ShippedAt is not null)
            {
                Assert.True(order.PaidAt is not null && order.DeliveryNote is not null && order.InvoiceNumber is not null, "ORD-7"); // ORD-7
            }

            var previous = states.TryGetValue(id, out var p) ? p : (OrderState?)null;
            if (previous is { } from && from != order.State)
            {
                Assert.True(IsTransition(from, order.State), $"{from} → {order.State} is not in the ORD-1 table");
            }
        }
    }

    private static bool IsTransition(OrderState from, OrderState to)
        => OrderWorkflow.Definition.Transitions.Any(t => t.Destination == to
            && (t.Source == from || (t.Source == OrderState.Cancellable && from is >= OrderState.Placed and <= OrderState.Shipped)));

    /// <summary>The reference model: the state, whether it was paid, and when the return window closes.</summary>
    private sealed record ModelOrder(OrderState State, bool Paid, Instant? WindowCloses)
    {
        /// <summary>The order after the step, or null when the engine must refuse it.</summary>
        public static ModelOrder? Apply(ModelOrder? order, OrderStep? step, Instant at)
        {
            if (step is null)
            {
                return order is null ? new ModelOrder(OrderState.Placed, false, null) : null;
            }

            if (order is null)
            {
                return null;
            }

            var state = order.State;
            return step switch
            {
                OrderStep.Pay when state == OrderState.Placed => order with { State = OrderState.Paid, Paid = true },
                OrderStep.Confirm when state == OrderState.Paid => order with { State = OrderState.Confirmed },
                OrderStep.Allocate when state == OrderState.Confirmed => order with { State = OrderState.Allocated },
                OrderStep.Invoice when state == OrderState.Allocated => order with { State = OrderState.Invoiced },
                OrderStep.Ship when state == OrderState.Invoiced => order with { State = OrderState.Shipped },
                OrderStep.Ship when state == OrderState.Shipped => order,
                OrderStep.InTransit when state == OrderState.Shipped => order,
                OrderStep.Sign when state == OrderState.Shipped => order with { State = OrderState.Received, WindowCloses = WindowClose(at) },
                OrderStep.Sign when state == OrderState.Received => order,
                OrderStep.ReportLogistics when state is OrderState.Shipped or OrderState.Received or OrderState.Completed => order,
                OrderStep.Complete when state == OrderState.Received && at >= order.WindowCloses => order with { State = OrderState.Completed },
                OrderStep.Cancel when state is >= OrderState.Placed and <= OrderState.Shipped => order with { State = OrderState.Cancelled },
                OrderStep.Cancel when state == OrderState.Cancelled => order,
                _ => null,
            };
        }

        // Retail: the longest window (15 days) counts from the day after receipt and closes at the following midnight.
        private static Instant WindowClose(Instant signedAt)
            => OrderScenario.Shanghai.AtStartOfDay(signedAt.InZone(OrderScenario.Shanghai).Date.PlusDays(16)).ToInstant();
    }
}
