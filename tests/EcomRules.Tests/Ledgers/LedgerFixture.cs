using EcomRules.Commands;
using EcomRules.Ledgers;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Ledgers;

/// <summary>
/// Orders and refunds on an in-memory engine, with every accepted decision fed to the sales ledger as a host would
/// (<see cref="SalesLedgerFeed"/>). Synchronous: the in-memory store completes every call at once.
/// </summary>
internal sealed class LedgerFixture
{
    internal LedgerFixture(EcomPolicy? policy = null) => Orders = new ReturnFixture(policy ?? EcomPolicy.RetailPlatform);

    internal ReturnFixture Orders { get; }

    internal EcomPolicy Policy => Orders.Engine.Policy;

    /// <summary>Runs a command and feeds its events to the ledger; returns the command's decision.</summary>
    internal Decision Run(EcomCommand command)
    {
        var decision = Orders.RunNow(command);
        foreach (var entry in SalesLedgerFeed.CommandsFor(decision, command.At, Policy))
        {
            var recorded = Orders.RunNow(entry);
            Assert.True(recorded.IsAccepted, $"ledger entry refused: {recorded.RuleId} {recorded.Reason}");
        }

        return decision;
    }

    internal Order PlaceAndPay(string id, Instant at, decimal unitPrice = 100m)
    {
        var placed = Run(new PlaceOrder(Orders.NextId(), ReturnFixture.Service, at, new OrderId(id), ReturnFixture.BuyerDetails(), ReturnFixture.Lines(unitPrice), new Money(10m)));
        Assert.True(placed.IsAccepted, placed.Reason);
        var paid = Run(new PayOrder(Orders.NextId(), ReturnFixture.Buyer, at, new OrderId(id), placed.StateAs<Order>().Total));
        Assert.True(paid.IsAccepted, paid.Reason);
        return paid.StateAs<Order>();
    }

    /// <summary>Approve → review → invoice recovered → pay; the decision of the first refused step, or of the payment.</summary>
    internal Decision PayRefundNow(RefundId id, Instant at)
    {
        if (Orders.LoadNow(id.Key)?.State is not Refund refund)
        {
            return Orders.RunNow(new PayRefund(Orders.NextId(), ReturnFixture.Payer, at, id));
        }

        EcomCommand[] steps =
        [
            new ApproveRefund(Orders.NextId(), refund.ApproverRole == ActorRole.Headquarters ? ReturnFixture.Hq : ReturnFixture.DeptHead, at, id),
            new ReviewRefund(Orders.NextId(), ReturnFixture.Finance, at, id),
            new ConfirmInvoiceRecovered(Orders.NextId(), ReturnFixture.Finance, at, id),
        ];
        foreach (var step in steps)
        {
            var decision = Run(step);
            if (decision.IsRefused)
            {
                return decision;
            }
        }

        return Run(new PayRefund(Orders.NextId(), ReturnFixture.Payer, at, id));
    }

    internal Decision Close(LocalDate day, Instant at, Actor? actor = null) => Orders.RunNow(new CloseDailyLedger(Orders.NextId(), actor ?? Actor.System, at, day));

    internal SalesDay? Day(LocalDate day) => Orders.LoadNow(new SalesDayId(day).Key)?.State as SalesDay;

    internal long VersionOf(AggregateKey key) => Orders.LoadNow(key)?.Version ?? 0;
}
