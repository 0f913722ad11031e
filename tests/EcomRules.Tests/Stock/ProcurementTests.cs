using EcomRules.Commands;
using EcomRules.Stock;
using EcomRules.Stock.Events;

namespace EcomRules.Tests.Stock;

public sealed class ProcurementTests
{
    internal static readonly Actor Buyer = new("ops-9", ActorRole.Warehouse);
    internal static readonly Actor Operations = new("ops-1", ActorRole.Operations);
    internal static readonly Actor Chairman = new("chair-1", ActorRole.Chairman);
    private static readonly ProcurementRequestId Id = new("P-1");

    internal static RequestProcurement Request(StockFixture f, decimal amount, Actor? by = null)
        => new(f.NextId(), by ?? Buyer, StockFixture.Now, Id, StockFixture.Main, 20, new Money(amount), "below last week's sales");

    [Fact]
    [Trait("Rule", "WH-5")]
    public void WH5_above_1000_yuan_operations_approval_waits_for_the_chairman()
    {
        var f = new StockFixture();
        var requested = f.Run(Request(f, 1000.01m));
        Assert.True(Assert.Single(requested.Events.OfType<ProcurementRequested>()).NeedsChairman);
        Assert.Equal(ProcurementState.AwaitingSignOff, f.Run(new ApproveProcurement(f.NextId(), Operations, StockFixture.Now, Id)).StateAs<ProcurementRequest>().State);
        var signed = f.Run(new SignOffProcurement(f.NextId(), Chairman, StockFixture.Now, Id)).StateAs<ProcurementRequest>();
        Assert.Equal(ProcurementState.Approved, signed.State);
        Assert.Equal([ActorRole.Operations, ActorRole.Chairman], signed.Signatures.Select(s => s.Role));
    }

    [Fact]
    [Trait("Rule", "WH-5")]
    public void WH5_exactly_1000_yuan_needs_only_operations()
    {
        var f = new StockFixture();
        f.Run(Request(f, 1000.00m));
        Assert.Equal(ProcurementState.Approved, f.Run(new ApproveProcurement(f.NextId(), Operations, StockFixture.Now, Id)).StateAs<ProcurementRequest>().State);
        var late = f.Refused(new SignOffProcurement(f.NextId(), Chairman, StockFixture.Now, Id));
        Assert.Equal(RuleIds.Wh5, late.RuleId);
        Assert.Contains("operations' approval is enough", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "WH-5")]
    public void WH5_the_chairman_cannot_sign_off_before_operations_approves()
    {
        var f = new StockFixture();
        f.Run(Request(f, 5000m));
        Assert.Equal(RuleIds.Wh5, f.Refused(new SignOffProcurement(f.NextId(), Chairman, StockFixture.Now, Id)).RuleId);
    }

    [Fact]
    [Trait("Rule", "WH-5")]
    public void WH5_nobody_signs_their_own_request()
    {
        var f = new StockFixture();
        f.Run(Request(f, 5000m, by: Chairman));
        f.Run(new ApproveProcurement(f.NextId(), Operations, StockFixture.Now, Id));
        var own = f.Refused(new SignOffProcurement(f.NextId(), Chairman, StockFixture.Now, Id));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Wh5), (own.Code, own.RuleId));
        Assert.Contains("nobody signs their own request", own.Reason, StringComparison.Ordinal);

        var g = new StockFixture();
        g.Run(Request(g, 500m, by: Operations));
        Assert.Equal(RuleIds.Wh5, g.Refused(new ApproveProcurement(g.NextId(), Operations, StockFixture.Now, Id)).RuleId);
    }

    [Fact]
    [Trait("Rule", "WH-5")]
    public void WH5_a_role_without_the_right_to_sign_is_refused()
    {
        var f = new StockFixture();
        f.Run(Request(f, 5000m));
        Assert.Equal(RuleIds.Wh5, f.Refused(new ApproveProcurement(f.NextId(), new Actor("wh-3", ActorRole.Warehouse), StockFixture.Now, Id)).RuleId);
        Assert.Equal(RuleIds.Wh5, f.Refused(new ApproveProcurement(f.NextId(), Chairman, StockFixture.Now, Id)).RuleId);
        f.Run(new ApproveProcurement(f.NextId(), Operations, StockFixture.Now, Id));
        Assert.Equal(RuleIds.Wh5, f.Refused(new SignOffProcurement(f.NextId(), new Actor("ops-2", ActorRole.Operations), StockFixture.Now, Id)).RuleId);
    }

    [Theory]
    [Trait("Rule", "WH-5")]
    [InlineData(0, 10)]
    [InlineData(5, 0)]
    public void WH5_a_request_without_quantity_or_amount_is_refused(int quantity, int amount)
    {
        var f = new StockFixture();
        var refused = f.Refused(new RequestProcurement(f.NextId(), Buyer, StockFixture.Now, Id, StockFixture.Main, quantity, new Money(amount), "restock"));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh5), (refused.Code, refused.RuleId));
    }
}
