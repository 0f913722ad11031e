using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

public sealed class OrderLifecycleTests
{
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
    [Trait("Rule", "ORD-7")]
    public void ORD7_ShippingAnUnpaidOrder_IsRefused()
    {
        var s = new OrderScenario();
        Require(s.Place("A2", At(2026, 3, 4, 9, 0)));
        var refused = s.Ship("A2", At(2026, 3, 4, 9, 1));
        Assert.True(refused.IsRefused);
        Assert.Equal(RuleIds.Ord7, refused.RuleId);
        Assert.Equal(OrderState.Placed, s.Order("A2").State);
        Assert.Equal(1, refused.Version);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancelAfterShipment_RefundsEverythingPaidAndIntercepts()
    {
        var s = new OrderScenario();
        Require(s.Place("A3", At(2026, 3, 4, 9, 0)));
        Require(s.Pay("A3", At(2026, 3, 4, 9, 5)));
        Require(s.Confirm("A3", At(2026, 3, 4, 9, 10)));
        Require(s.Allocate("A3", At(2026, 3, 4, 9, 30)));
        Require(s.Invoice("A3", At(2026, 3, 4, 10, 0)));
        Require(s.Ship("A3", At(2026, 3, 4, 10, 20)));
        var cancelled = Require(s.Cancel("A3", At(2026, 3, 5, 8, 0)));
        var e = Assert.Single(cancelled.Events.OfType<OrderCancelled>());
        Assert.Equal(s.Order("A3").Paid, e.Refund);
        Assert.True(e.InterceptParcel);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void ORD2_CancelAfterReceipt_IsRefused()
    {
        var s = new OrderScenario();
        s.ThroughReceipt("A4");
        var refused = s.Cancel("A4", At(2026, 3, 7, 8, 0));
        Assert.Equal(RuleIds.Ord2, refused.RuleId);
        Assert.Equal(OrderState.Received, s.Order("A4").State);
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
