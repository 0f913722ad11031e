using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Refunds;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

public sealed class AuditTrailTests
{
    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task SEC3_EveryAggregateAChangeSetWrites_HasItsOwnAuditEntry()
    {
        var s = new OrderScenario();
        s.AdvanceTo("T1", OrderState.Shipped);
        var cancel = Require(s.Cancel("T1", At(2026, 3, 5, 8, 0), "parcel no longer needed"));

        // The cancellation writes the order and creates its refund (ORD-2): both trails record it, at their own versions.
        var orderTrail = await s.Store.ReadAuditAsync(new OrderId("T1").Key);
        var refundKey = RefundId.ForCancellation(new OrderId("T1")).Key;
        var refundTrail = await s.Store.ReadAuditAsync(refundKey);
        var refundEntry = Assert.Single(refundTrail);
        Assert.Equal(cancel.CommandId, refundEntry.CommandId);
        Assert.Equal(1, refundEntry.Version);
        Assert.Equal("parcel no longer needed", refundEntry.Why);
        Assert.Equal(Customer.Id, refundEntry.ActorId);
        Assert.Equal(cancel.Version, orderTrail[^1].Version);
        Assert.Equal(Enumerable.Range(1, (int)cancel.Version).Select(v => (long)v), orderTrail.Select(a => a.Version));
    }
}
