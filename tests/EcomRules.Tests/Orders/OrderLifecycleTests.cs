using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

public sealed class OrderLifecycleTests
{
    public static TheoryData<OrderState> CancellableStates => [.. Cancellable];

    /// <summary>Every (state, command) pair off the main path of ORD-1, with the rule that must refuse it.</summary>
    public static TheoryData<OrderState, OrderStep, string> OutOfOrder()
    {
        OrderStep[] forward = [OrderStep.Pay, OrderStep.Confirm, OrderStep.Allocate, OrderStep.Invoice, OrderStep.Ship, OrderStep.Sign, OrderStep.Complete];
        var data = new TheoryData<OrderState, OrderStep, string>();
        for (var i = 0; i < MainPath.Length; i++)
        {
            var state = MainPath[i];
            foreach (var step in forward)
            {
                var isNext = i + 1 < MainPath.Length && Array.IndexOf(forward, step) == i;
                var ignoredRepeat = (state, step) is (OrderState.Shipped, OrderStep.Ship) or (OrderState.Received, OrderStep.Sign);
                if (isNext || ignoredRepeat)
                {
                    continue;
                }

                var rule = step == OrderStep.Ship && Array.IndexOf(Cancellable, state) is >= 0 and < 4 ? "ORD-7" : "ORD-1";
                data.Add(state, step, rule);
            }
        }

        return data;
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void ORD1_OrderMovesThroughEveryStateToCompleted()
    {
        var s = new OrderScenario();
        s.ThroughReceipt("A1");
        Assert.Equal(OrderState.Received, s.Order("A1").State);

        // Retail: the longest window is 15 days from the day after receipt (6 Mar) → closes at 22 Mar 00:00.
        var early = s.Complete("A1", At(2026, 3, 21, 23, 59));
        Assert.True(early.IsRefused);
        Assert.Equal(RuleIds.Ord1, early.RuleId);

        var done = Require(s.Complete("A1", At(2026, 3, 22, 0, 0)));
        Assert.Equal(OrderState.Completed, done.StateAs<Order>().State);
        Assert.Contains(done.Events, e => e is FollowUpVisitRequested);
        Assert.Equal(8, s.Store.AuditTrail.Count); // eight accepted commands; the refusal is not audited
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void ORD1_EachTransition_IsAuditedAsFromTo_AndBumpsTheVersion()
    {
        var s = new OrderScenario();
        s.AdvanceTo("T1", OrderState.Completed);
        var trail = s.Store.AuditTrail;
        Assert.Equal(MainPath.Length, trail.Count);
        Assert.Equal("→ Placed", trail[0].Change);
        for (var i = 1; i < MainPath.Length; i++)
        {
            Assert.Equal($"{MainPath[i - 1]} → {MainPath[i]}", trail[i].Change);
            Assert.Equal(i + 1, trail[i].Version);
        }

        Assert.Equal(OrderState.Completed, s.Order("T1").State);
    }

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    [Trait("Rule", "ORD-1")]
    public void ORD1_OutOfOrderCommand_IsRefusedNamingTheRule_AndChangesNothing(OrderState state, OrderStep step, string rule)
    {
        var s = new OrderScenario();
        s.AdvanceTo("O1", state);
        s.RequireRefusedBy(new RuleId(rule), "O1", () => s.Run(step, "O1", StandardInstant(state).Plus(Duration.FromMinutes(1))));
        Assert.Equal(state, s.Order("O1").State);
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void ORD1_PayingTwice_IsRefused()
    {
        var s = new OrderScenario();
        s.AdvanceTo("P2", OrderState.Paid);
        var refused = s.RequireRefusedBy(RuleIds.Ord1, "P2", () => s.Pay("P2", At(2026, 3, 4, 9, 6)));
        Assert.Contains("already paid", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(s.Order("P2").Total, s.Order("P2").Paid);
    }

    [Theory]
    [MemberData(nameof(CancellableStates))]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancelBeforeReceipt_RefundsExactlyWhatWasPaid(OrderState state)
    {
        var s = new OrderScenario();
        s.AdvanceTo("C1", state);
        var paid = s.Order("C1").Paid;
        Assert.Equal(state == OrderState.Placed ? Money.Zero : s.Order("C1").Total, paid);

        var cancelled = Require(s.Cancel("C1", StandardInstant(state).Plus(Duration.FromMinutes(1))));
        var e = Single<OrderCancelled>(cancelled);
        Assert.Equal(paid, e.Refund);
        Assert.Equal(state == OrderState.Shipped, e.InterceptParcel);
        var order = s.Order("C1");
        Assert.Equal(OrderState.Cancelled, order.State);
        // The full refund is reserved on the order and goes through the refund path (REF-2) to be paid.
        Assert.Equal(paid, order.RefundReserved);
        Assert.Equal(Money.Zero, order.Refundable);
        Assert.Equal(paid.IsZero ? 0 : 1, cancelled.Events.OfType<global::EcomRules.Refunds.Events.RefundRequested>().Count());
        Assert.Equal("C1", Single<CustomerNotificationRequested>(cancelled).Source.Id);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancelAfterShipment_RefundsEverythingPaidAndIntercepts()
    {
        var s = new OrderScenario();
        s.AdvanceTo("A3", OrderState.Shipped);
        var cancelled = Require(s.Cancel("A3", At(2026, 3, 5, 8, 0)));
        var e = Single<OrderCancelled>(cancelled);
        Assert.Equal(s.Order("A3").Paid, e.Refund);
        Assert.True(e.InterceptParcel);
    }

    [Theory]
    [InlineData(OrderState.Received)]
    [InlineData(OrderState.Completed)]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancelAfterReceiptOrCompletion_IsRefused(OrderState state)
    {
        var s = new OrderScenario();
        s.AdvanceTo("A4", state);
        s.RequireRefusedBy(RuleIds.Ord2, "A4", () => s.Cancel("A4", StandardInstant(state).Plus(Duration.FromHours(1))));
        Assert.Equal(state, s.Order("A4").State);
        Assert.Equal(Money.Zero, s.Order("A4").Refunded);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancellingTwice_RefundsOnce()
    {
        var s = new OrderScenario();
        s.AdvanceTo("C2", OrderState.Paid);
        Require(s.Cancel("C2", At(2026, 3, 4, 9, 30)));
        var audit = s.Store.AuditTrail.Count;
        var again = Require(s.Cancel("C2", At(2026, 3, 4, 9, 31)));
        Assert.Empty(again.Events);
        Assert.Equal(s.Order("C2").Total, s.Order("C2").RefundReserved);
        Assert.Equal(audit + 1, s.Store.AuditTrail.Count);
        Assert.Contains("ignored", s.Store.AuditTrail[^1].Change, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderState.Placed)]
    [InlineData(OrderState.Paid)]
    [InlineData(OrderState.Confirmed)]
    [InlineData(OrderState.Allocated)]
    [Trait("Rule", "ORD-7")]
    public void ORD7_ShippingWithoutPaperwork_IsRefusedInEveryEarlierState(OrderState state)
    {
        var s = new OrderScenario();
        s.AdvanceTo("A2", state);
        var refused = s.RequireRefusedBy(RuleIds.Ord7, "A2", () => s.Ship("A2", StandardInstant(state).Plus(Duration.FromMinutes(1))));
        Assert.Equal(MainPath.ToList().IndexOf(state) + 1, refused.Version);
        Assert.Null(s.Order("A2").TrackingNumber);
        Assert.Null(s.Timer("A2", "SLA-5"));
    }

    [Fact]
    [Trait("Rule", "ORD-4")]
    public void ORD4_CustomerIsNotifiedOnShipmentAndReceipt_WithMaskedText()
    {
        var s = new OrderScenario();
        s.AdvanceTo("N1", OrderState.Invoiced);
        var shipped = Single<CustomerNotificationRequested>(Require(s.Ship("N1", StandardInstant(OrderState.Shipped))));
        var received = Single<CustomerNotificationRequested>(Require(s.Sign("N1", StandardInstant(OrderState.Received))));

        Assert.Equal(("order-shipped", "order-received"), (shipped.Template, received.Template));
        Assert.Contains("SFN1", shipped.Text, StringComparison.Ordinal);
        Assert.Contains("2026-03-21", received.Text, StringComparison.Ordinal); // last day of the 15-day window
        Assert.EndsWith("tracking number SFN1.", shipped.Text, StringComparison.Ordinal);
        Assert.Equal("Your order N1 was signed for. Returns are accepted until 2026-03-21.", received.Text);

        // The order writes its texts when read: an event made with the same text as a string is equal, hash included.
        foreach (var n in new[] { shipped, received })
        {
            var eager = new CustomerNotificationRequested(n.Source, n.At, n.Recipient, n.Template, n.Text);
            Assert.Equal(eager, n);
            Assert.Equal(eager.GetHashCode(), n.GetHashCode());
            Assert.NotEqual(eager with { Text = n.Text + "!" }, n);
        }

        foreach (var n in new[] { shipped, received })
        {
            Assert.Equal("13812345678", n.Recipient.Value);
            Assert.DoesNotContain("13812345678", n.ToString(), StringComparison.Ordinal);
            Assert.Contains(n.Recipient.Masked, n.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, s.Store.Outbox.Count(m => m.Message.Event is CustomerNotificationRequested));
    }

    [Fact]
    [Trait("Rule", "ORD-5")]
    public void ORD5_CompletionRequestsAFollowUpVisit_ThroughTheOutbox()
    {
        var s = new OrderScenario();
        s.AdvanceTo("F1", OrderState.Received);
        Assert.DoesNotContain(s.Store.Outbox, m => m.Message.Event is FollowUpVisitRequested);
        var done = Require(s.Complete("F1", StandardInstant(OrderState.Completed)));
        var visit = Single<FollowUpVisitRequested>(done);
        Assert.Equal(StandardInstant(OrderState.Completed), visit.At);
        Assert.Single(s.Store.Outbox, m => m.Message.Event is FollowUpVisitRequested);
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public void ORD6_EveryAuditEntry_IsRetainedAtLeastFiveYears()
    {
        var s = new OrderScenario();
        s.AdvanceTo("R1", OrderState.Completed);
        foreach (var entry in s.Store.AuditTrail)
        {
            var atLocal = entry.At.InZone(Shanghai).LocalDateTime;
            Assert.True(entry.RetainUntil >= atLocal.PlusYears(5).InZoneLeniently(Shanghai).ToInstant(), entry.ToString());
            Assert.True(entry.RetainUntil - entry.At >= Duration.FromDays(5 * 365), entry.ToString());
        }
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public void ORD6_LongerRetention_IsHonoured_AndFourYearsIsInvalid()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.RecordRetentionYears = 4;
        var invalid = Assert.Throws<EcomPolicyException>(builder.Build);
        Assert.Contains(invalid.Problems, p => p.Contains("ORD-6", StringComparison.Ordinal));

        builder.RecordRetentionYears = 7;
        var s = new OrderScenario(builder.Build());
        Require(s.Place("R2", At(2026, 3, 4, 9, 0)));
        Assert.Equal(At(2033, 3, 4, 9, 0), Assert.Single(s.Store.AuditTrail).RetainUntil);
    }

    [Fact]
    public void SameCommandId_ReturnsFirstDecision_WithoutSecondEffect()
    {
        var s = new OrderScenario();
        Require(s.Place("A5", At(2026, 3, 4, 9, 0)));
        var pay = new PayOrder(new CommandId("pay-A5"), OrderScenario.System, At(2026, 3, 4, 9, 5), new OrderId("A5"), s.Order("A5").Total);
        var first = Require(s.Execute(pay));
        var again = s.Execute(pay);
        Assert.True(again.IsReplay);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(2, s.Store.AuditTrail.Count);

        var reused = s.Execute(pay with { Amount = new Money(1m) });
        Assert.Equal(RefusalCode.CommandIdReused, reused.Code);
    }
}
