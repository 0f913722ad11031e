using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Reads;

/// <summary><c>EcomEngine.GetAsync</c>: the typed aggregate with its version, no cast.</summary>
public sealed class TypedReadTests
{
    private static readonly DataAccess Reading = new(ReturnFixture.Service, ReturnFixture.At(2026, 3, 5), "typed read test");

    [Fact]
    public async Task GetAsync_ReturnsOrderReturnCaseAndRefund_TypedWithTheirVersions()
    {
        var f = new ReturnFixture();
        var orderId = new OrderId("TR-1");
        var at = ReturnFixture.At(2026, 3, 4);
        await f.ReceivedOrder(orderId, at);
        var returnId = new ReturnCaseId(orderId, "1");
        await f.Ok(f.Request(returnId, at + Duration.FromHours(1)));
        var refundId = new RefundId(orderId, "goodwill");
        await f.Ok(new RequestRefund(f.NextId(), ReturnFixture.Service, at + Duration.FromHours(2), refundId, new Money(20m), "late delivery"));

        Versioned<Order>? order = await f.Engine.GetAsync(orderId, Reading);
        Versioned<ReturnCase>? returnCase = await f.Engine.GetAsync(returnId, Reading);
        Versioned<Refund>? refund = await f.Engine.GetAsync(refundId);

        Assert.NotNull(order);
        Assert.Equal(orderId.Key, order.Key);
        Assert.Equal(orderId, order.Aggregate.Id);
        Assert.Equal(await f.VersionOf(orderId.Key), order.Version);
        Assert.True(order.Version > 1);
        Assert.NotNull(returnCase);
        Assert.Equal(ReturnState.Requested, returnCase.Aggregate.State);
        Assert.Equal(await f.VersionOf(returnId.Key), returnCase.Version);
        Assert.NotNull(refund);
        Assert.Equal(new Money(20m), refund.Aggregate.Amount);
        Assert.Equal(RefundState.Requested, refund.Aggregate.State);
        Assert.Equal(1, refund.Version);
    }

    [Fact]
    public async Task GetAsync_SeesTheVersionEveryAcceptedCommandAdds()
    {
        var f = new ReturnFixture();
        var id = new OrderId("TR-2");
        var at = ReturnFixture.At(2026, 3, 4);
        var placed = await f.Ok(new PlaceOrder(f.NextId(), ReturnFixture.Service, at, id, ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));
        var before = await f.Engine.GetAsync(id, Reading);
        await f.Ok(new PayOrder(f.NextId(), ReturnFixture.Buyer, at, id, placed.StateAs<Order>().Total));

        var after = await f.Engine.GetAsync(id, Reading);

        Assert.Equal(OrderState.Placed, before!.Aggregate.State);
        Assert.Equal(OrderState.Paid, after!.Aggregate.State);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenTheAggregateDoesNotExist()
    {
        var f = new ReturnFixture();

        Assert.Null(await f.Engine.GetAsync(new OrderId("nowhere"), Reading));
        Assert.Null(await f.Engine.GetAsync(new RefundId(new OrderId("nowhere"), "1")));
    }

    [Fact]
    public async Task GetAsync_Throws_WhenTheKeyHoldsAnotherType()
    {
        var f = new ReturnFixture();
        var id = new OrderId("TR-3");
        await f.Ok(new PlaceOrder(f.NextId(), ReturnFixture.Service, ReturnFixture.At(2026, 3, 4), id, ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await f.Engine.GetAsync(new MisfiledRefundId(id.Key)));

        Assert.Contains("Order", error.Message, StringComparison.Ordinal);
        Assert.Contains("Refund", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RejectsANullId()
        => await Assert.ThrowsAsync<ArgumentNullException>(async () => await new ReturnFixture().Engine.GetAsync((IAggregateId<Refund>)null!));

    /// <summary>An ID type of a "later" aggregate: any ID that names its type works, no switch in the engine.</summary>
    private readonly record struct MisfiledRefundId(AggregateKey Key) : IAggregateId<Refund>;
}
