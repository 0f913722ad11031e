using EcomRules.Orders;
using EcomRules.Returns;

namespace EcomRules.Tests.Returns;

public sealed class ReturnFlowSmokeTests
{
    [Fact]
    public async Task A_received_order_can_be_returned_end_to_end()
    {
        var f = new ReturnFixture();
        var orderId = new OrderId("O1");
        await f.ReceivedOrder(orderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(new ReturnCaseId(orderId, "R1"), ReturnFixture.At(2026, 3, 3));
        Assert.Equal(ReturnState.Archived, done.State);
    }
}
