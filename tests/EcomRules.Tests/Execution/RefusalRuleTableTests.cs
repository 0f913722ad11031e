using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Shipping;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Execution;

/// <summary>
/// Issue 14: every refusal cites the most specific rule, as data. One table per rule family: command × situation →
/// refusal code and rule ID; the sentence never repeats the rule ID, and the refusal changes nothing.
/// </summary>
public sealed class RefusalRuleTableTests
{
    private static readonly OrderId Order = new("T-1");
    private static readonly Instant Day = ReturnFixture.At(2026, 3, 3);
    private static readonly ReturnCaseId Case = new(Order, "c1");
    private static readonly RefundId Refund = new(Order, "r1");

    private static readonly Dictionary<string, RuleCase> Orders = new RuleCase[]
    {
        new("pay twice", Code.Rule, "ORD-1", async f =>
        {
            var o = await f.ShippedOrder(Order, Day);
            return new PayOrder(f.NextId(), ReturnFixture.Buyer, Day, Order, o.Total);
        }),
        new("pay the wrong amount", Code.Rule, "ORD-1", async f =>
        {
            await f.Ok(Place(f));
            return new PayOrder(f.NextId(), ReturnFixture.Buyer, Day, Order, new Money(1m));
        }),
        new("complete before the return window closes", Code.Rule, "ORD-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return new CompleteOrder(f.NextId(), Actor.System, Day, Order);
        }),
        new("cancel after receipt", Code.Rule, "ORD-2", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return new CancelOrder(f.NextId(), ReturnFixture.Buyer, Day, Order);
        }),
        new("ship before it is invoiced", Code.Rule, "ORD-7", async f =>
        {
            await f.Ok(Place(f));
            return new RecordShipment(f.NextId(), ReturnFixture.Warehouse, Day, Order, new CarrierId("sf"), "SF1");
        }),
        new("invoice without freight", Code.Rule, "INV-1", async f =>
        {
            var o = await Allocated(f);
            return new RecordInvoice(f.NextId(), ReturnFixture.Service, Day, Order, "INV-1", o.Goods);
        }),
        new("invoice without a number", Code.Invalid, "INV-1", async f =>
        {
            var o = await Allocated(f);
            return new RecordInvoice(f.NextId(), ReturnFixture.Service, Day, Order, " ", o.Total);
        }),
        new("allocate without a delivery note", Code.Invalid, "ORD-1", async f =>
        {
            await Allocated(f, allocate: false);
            return new AllocateStock(f.NextId(), ReturnFixture.Warehouse, Day, Order, string.Empty);
        }),
        new("ship with a carrier the policy does not have", Code.Rule, "CAR-1", async f =>
        {
            await Invoiced(f);
            return new RecordShipment(f.NextId(), ReturnFixture.Warehouse, Day, Order, new CarrierId("unknown-express"), "UX1");
        }),
        new("ship without a tracking number", Code.Rule, "CAR-3", async f =>
        {
            await Invoiced(f);
            return new RecordShipment(f.NextId(), ReturnFixture.Warehouse, Day, Order, new CarrierId("sf"), " ");
        }),
        new("an unknown tracking event", Code.Invalid, "CAR-3", async f =>
        {
            await f.ShippedOrder(Order, Day);
            return new RecordTrackingEvent(f.NextId(), new Actor("sf", ActorRole.Carrier), Day, Order, (TrackingEventKind)42);
        }),
        new("place for a private buyer without an ID number", Code.Rule, "CUS-2", f =>
            Task.FromResult<EcomCommand>(Place(f) with { Buyer = ReturnFixture.BuyerDetails() with { ResidentId = null } })),
        new("place without a buyer", Code.Invalid, "CUS-1", f => Task.FromResult<EcomCommand>(Place(f) with { Buyer = null! })),
        new("place an order whose total is more than money holds", Code.Invalid, "ORD-1", f => Task.FromResult<EcomCommand>(
            Place(f) with { Lines = [new OrderLine("SKU-A", 2, new Money(600_000_000_000m))] })),
        new("place an order whose freight tips the total over", Code.Invalid, "ORD-1", f => Task.FromResult<EcomCommand>(
            Place(f) with { Lines = [new OrderLine("SKU-A", 1, new Money(Money.MaxYuan))], Freight = new Money(10m) })),
        new("a deadline for an SLA the order never started", Code.Invalid, "SLA-8", async f =>
        {
            await f.Ok(Place(f));
            return new RecordDeadlinePassed(f.NextId(), Actor.System, Day, Order, "sla-breach", "SLA-99");
        }),
    }.ToDictionary(c => c.Name);

    private static readonly Dictionary<string, RuleCase> Returns = new RuleCase[]
    {
        new("ask before receipt", Code.Rule, "RET-2", async f =>
        {
            await f.ShippedOrder(Order, Day);
            return f.Request(Case, Day);
        }),
        new("ask after the window", Code.Rule, "RET-2", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day + Duration.FromDays(30));
        }),
        new("reason 'other' without text", Code.Rule, "RET-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day, reason: ReturnReason.Other);
        }),
        new("a merchant fault without evidence", Code.Rule, "RET-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day) with { Evidence = [] };
        }),
        new("more units than were ordered", Code.Rule, "RET-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day, quantity: 4);
        }),
        new("quantities that would wrap round", Code.Rule, "RET-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day) with { Lines = [new ReturnLine("SKU-A", int.MaxValue), new ReturnLine("SKU-A", int.MaxValue)] };
        }),
        new("an unknown reason", Code.Invalid, "RET-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day, reason: (ReturnReason)42);
        }),
        new("repair without a merchant fault", Code.Rule, "RET-5", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return f.Request(Case, Day, ReturnKind.Repair, ReturnReason.Other, text: "do not like it");
        }),
        new("decide without a reason", Code.Rule, "RET-3", async f =>
        {
            await Requested(f);
            return new DecideReturn(f.NextId(), ReturnFixture.Service, Day, Case, true, " ");
        }),
        new("decide a case a second time", Code.Rule, "RET-3", async f =>
        {
            await Requested(f);
            await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, Day, Case, true, "ok"));
            return new DecideReturn(f.NextId(), ReturnFixture.Service, Day, Case, false, "changed our mind");
        }),
        new("ship back before the case is accepted", Code.Rule, "RET-4", async f =>
        {
            await Requested(f);
            return new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, Day, Case, "YT1", new Money(8m));
        }),
        new("ship back without a tracking number", Code.Invalid, "RET-4", async f =>
        {
            await Requested(f);
            await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, Day, Case, true, "ok"));
            return new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, Day, Case, " ", new Money(8m));
        }),
        new("restock before the inspection", Code.Rule, "RET-4", async f =>
        {
            await f.ShippedBack(Order, Case, Day);
            return new RestockReturn(f.NextId(), ReturnFixture.Warehouse, Day, Case);
        }),
        new("resolve a negotiation without its outcome", Code.Rule, "RET-3", async f =>
        {
            await f.ShippedBack(Order, Case, Day);
            await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, Day, Case, false, true, "scratched"));
            return new ResolveNegotiation(f.NextId(), ReturnFixture.Service, Day, Case, true, string.Empty);
        }),
    }.ToDictionary(c => c.Name);

    private static readonly Dictionary<string, RuleCase> Refunds = new RuleCase[]
    {
        new("ask for more than is left", Code.Rule, "REF-1", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return RequestRefund(f, 1_000m);
        }),
        new("ask without a reason", Code.Invalid, "SEC-3", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            return RequestRefund(f, 10m) with { RefundReason = " " };
        }),
        new("approve below the tier's role", Code.Rule, "REF-2", async f =>
        {
            await Requested(f, 10m);
            return new ApproveRefund(f.NextId(), ReturnFixture.Finance, Day, Refund);
        }),
        new("approve a headquarters-tier refund as department head", Code.Rule, "REF-2", async f =>
        {
            await f.ReceivedOrder(Order, Day, ReturnFixture.Lines(2_000m));
            await f.Ok(RequestRefund(f, 5_000m));
            return new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, Refund);
        }),
        new("approve one's own request", Code.Rule, "REF-3", async f =>
        {
            await f.ReceivedOrder(Order, Day);
            await f.Ok(RequestRefund(f, 10m) with { Actor = ReturnFixture.DeptHead });
            return new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, Refund);
        }),
        new("review what one approved", Code.Rule, "REF-3", async f =>
        {
            await Approved(f);
            return new ReviewRefund(f.NextId(), new Actor(ReturnFixture.DeptHead.Id, ActorRole.DivisionFinance), Day, Refund);
        }),
        new("review in the wrong role", Code.Rule, "REF-2", async f =>
        {
            await Approved(f);
            return new ReviewRefund(f.NextId(), ReturnFixture.Payer, Day, Refund);
        }),
        new("review before approval", Code.Rule, "REF-2", async f =>
        {
            await Requested(f, 10m);
            return new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, Refund);
        }),
        new("confirm the invoice in the wrong role", Code.Rule, "INV-3", async f =>
        {
            await Reviewed(f);
            return new ConfirmInvoiceRecovered(f.NextId(), ReturnFixture.Payer, Day, Refund);
        }),
        new("pay before the invoice is settled", Code.Rule, "INV-3", async f =>
        {
            await Reviewed(f);
            return new PayRefund(f.NextId(), ReturnFixture.Payer, Day, Refund);
        }),
        new("a credit note without its number", Code.Invalid, "INV-3", async f =>
        {
            await Reviewed(f);
            await f.Ok(new RequestCreditNote(f.NextId(), ReturnFixture.Finance, Day, Refund));
            return new RecordCreditNote(f.NextId(), Actor.System, Day, Refund, " ");
        }),
        new("reject without a reason", Code.Invalid, "SEC-3", async f =>
        {
            await Requested(f, 10m);
            return new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, Refund, string.Empty);
        }),
        new("pay twice", Code.Rule, "REF-1", async f =>
        {
            await Requested(f, 10m);
            await f.PaidRefund(Refund, Day);
            return new PayRefund(f.NextId(), ReturnFixture.Payer, Day, Refund);
        }),
        new("pay a rejected refund", Code.Rule, "REF-2", async f =>
        {
            await Requested(f, 10m);
            await f.Ok(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, Day, Refund, "not justified"));
            return new PayRefund(f.NextId(), ReturnFixture.Payer, Day, Refund);
        }),
    }.ToDictionary(c => c.Name);

    private enum Code
    {
        Rule,
        Invalid,
    }

    public static TheoryData<string> OrderCases => [.. Orders.Keys];

    public static TheoryData<string> ReturnCases => [.. Returns.Keys];

    public static TheoryData<string> RefundCases => [.. Refunds.Keys];

    [Theory]
    [MemberData(nameof(OrderCases))]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "ORD-2")]
    [Trait("Rule", "ORD-7")]
    [Trait("Rule", "INV-1")]
    [Trait("Rule", "CAR-1")]
    [Trait("Rule", "CAR-3")]
    [Trait("Rule", "CUS-2")]
    public Task ORD_OrderRefusals_CiteTheirRule(string situation) => Check(Orders[situation]);

    [Theory]
    [MemberData(nameof(ReturnCases))]
    [Trait("Rule", "RET-1")]
    [Trait("Rule", "RET-2")]
    [Trait("Rule", "RET-3")]
    [Trait("Rule", "RET-4")]
    [Trait("Rule", "RET-5")]
    public Task RET_ReturnRefusals_CiteTheirRule(string situation) => Check(Returns[situation]);

    [Theory]
    [MemberData(nameof(RefundCases))]
    [Trait("Rule", "REF-1")]
    [Trait("Rule", "REF-2")]
    [Trait("Rule", "REF-3")]
    [Trait("Rule", "INV-3")]
    [Trait("Rule", "SEC-3")]
    public Task REF_RefundRefusals_CiteTheirRule(string situation) => Check(Refunds[situation]);

    private static async Task Check(RuleCase c)
    {
        var f = new ReturnFixture();
        var command = await c.Arrange(f);
        var keys = new[] { Order.Key, Case.Key, Refund.Key, command.Target };
        var before = await Snapshot(f, keys);

        var decision = await f.Run(command);

        Assert.True(decision.IsRefused, $"{c.Name}: {decision}");
        Assert.Equal(c.Code == Code.Rule ? RefusalCode.RuleViolation : RefusalCode.InvalidInput, decision.Code);
        Assert.Equal(c.Rule, decision.RuleId.Value);
        Assert.DoesNotContain(c.Rule, decision.Reason, StringComparison.Ordinal); // the rule is data, not repeated in the sentence
        Assert.Equal(before, await Snapshot(f, keys)); // DESIGN: the aggregate never changes on a refusal
    }

    private static async Task<string> Snapshot(ReturnFixture f, AggregateKey[] keys)
    {
        var parts = new List<string> { $"audit {f.Store.AuditTrail.Count}, outbox {f.Store.Outbox.Count}, timers {f.Store.Timers.Count}, aggregates {f.Store.AggregateCount}" };
        foreach (var key in keys)
        {
            parts.Add($"{key} v{(await f.Store.LoadAsync(key))?.Version ?? 0}");
        }

        return string.Join("; ", parts);
    }

    private static PlaceOrder Place(ReturnFixture f)
        => new(f.NextId(), ReturnFixture.Service, Day, Order, ReturnFixture.BuyerDetails(), ReturnFixture.Lines(), new Money(10m));

    private static RequestRefund RequestRefund(ReturnFixture f, decimal amount)
        => new(f.NextId(), ReturnFixture.Service, Day, Refund, new Money(amount), "goodwill");

    private static async Task<Order> Allocated(ReturnFixture f, bool allocate = true)
    {
        var order = (await f.Ok(Place(f))).StateAs<Order>();
        await f.Ok(new PayOrder(f.NextId(), ReturnFixture.Buyer, Day, Order, order.Total));
        await f.Ok(new ConfirmOrder(f.NextId(), ReturnFixture.Service, Day, Order));
        if (allocate)
        {
            await f.Ok(new AllocateStock(f.NextId(), ReturnFixture.Warehouse, Day, Order, "DN-1"));
        }

        return order;
    }

    private static async Task Invoiced(ReturnFixture f)
    {
        var order = await Allocated(f);
        await f.Ok(new RecordInvoice(f.NextId(), ReturnFixture.Service, Day, Order, "INV-1", order.Total));
    }

    private static async Task Requested(ReturnFixture f)
    {
        await f.ReceivedOrder(Order, Day);
        await f.Ok(f.Request(Case, Day));
    }

    private static async Task Requested(ReturnFixture f, decimal amount)
    {
        await f.ReceivedOrder(Order, Day);
        await f.Ok(RequestRefund(f, amount));
    }

    private static async Task Approved(ReturnFixture f)
    {
        await Requested(f, 10m);
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, Day, Refund));
    }

    private static async Task Reviewed(ReturnFixture f)
    {
        await Approved(f);
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, Day, Refund));
    }

    private sealed record RuleCase(string Name, Code Code, string Rule, Func<ReturnFixture, Task<EcomCommand>> Arrange);
}
