using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Testing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Processing;

public sealed class CreditNoteDispatchTests
{
    private static readonly Actor Buyer = new("buyer-9", ActorRole.Customer);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("Rule", "INV-3")]
    public async Task INV3_CreditNoteRequest_GoesToTheIssuer_AndIsRecordedUnlessPending(bool pending)
    {
        var f = new ProcessingFixture(new InMemoryEcomStore());
        f.Invoices.CreditNotesArePending = pending;
        await f.AllocatedAsync("c1");
        await f.DrainAsync(T0 + Duration.FromHours(1)); // invoiced and shipped through the ports

        var refund = RefundId.ForCancellation(new OrderId("c1"));
        var at = T0 + Duration.FromHours(2);
        Require(await f.RunAsync(new CancelOrder(new CommandId("cancel"), Buyer, at, new OrderId("c1"), "no longer needed")));
        Require(await f.RunAsync(new ApproveRefund(new CommandId("approve"), new Actor("head-1", ActorRole.SalesDepartmentHead), at + Duration.FromHours(1), refund)));
        Require(await f.RunAsync(new ReviewRefund(new CommandId("review"), new Actor("fin-1", ActorRole.DivisionFinance), at + Duration.FromHours(2), refund)));
        Require(await f.RunAsync(new RequestCreditNote(new CommandId("credit"), new Actor("fin-2", ActorRole.DivisionFinance), at + Duration.FromHours(3), refund)));

        await f.DrainAsync(at + Duration.FromHours(4));

        var issued = Assert.Single(f.Invoices.CreditNotes);
        Assert.Equal("INV-000001", issued.Request.InvoiceNumber);
        var state = (Refund)(await f.Store.LoadAsync(refund.Key))!.State;
        Assert.Equal(pending ? RefundState.CreditNotePending : RefundState.InvoiceSettled, state.State);
        Assert.Equal(pending ? null : "CN-000001", state.CreditNoteNumber);
        Assert.Equal(0, f.Dispatcher.Failed);
    }

    [Fact]
    public void RefundId_RoundTripsThroughItsKey()
    {
        var id = new RefundId(new OrderId("A-1"), "return-2");
        Assert.Equal(id, RefundId.FromKey(id.Key));
        Assert.Throws<ArgumentException>(() => RefundId.FromKey(new AggregateKey("order", "A-1")));
    }

    private static void Require(Decision decision) => Assert.True(decision.IsAccepted, decision.ToString());
}
