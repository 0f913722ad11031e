using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Tests.Returns;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Execution;

/// <summary>Issue 15: overflow, nulls, long text and extreme instants are refused at the door and change nothing.</summary>
public sealed class BadInputTests
{
    private static readonly string Megabyte = new('x', 1 << 20);

    private static PlaceOrder Place(string id, ImmutableArray<OrderLine>? lines = null, Money? freight = null)
        => new(new CommandId("place-" + id), Customer, At(2026, 3, 4, 9, 0), new OrderId(id), PrivateBuyer(), lines ?? Lines(("SKU-1", 2, 50m)), freight);

    [Fact]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_AnOrderWhoseLinesAndFreightPassMoneysRange_IsRefused_AndNothingIsPoisoned()
    {
        var s = new Orders.OrderScenario();
        var refused = await s.Engine.ExecuteAsync(Place("O-1", [new OrderLine("SKU-1", 1, new Money(Money.MaxYuan))], new Money(0.01m)));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Ord1), (refused.Code, refused.RuleId));
        Assert.Equal(0, s.Store.AggregateCount);

        // At exactly the largest amount the order is accepted, and its total, text and payment all work.
        var placed = await s.Engine.ExecuteAsync(Place("O-2", [new OrderLine("SKU-1", 1, new Money(Money.MaxYuan - 0.01m))], new Money(0.01m)));
        var order = placed.StateAs<Order>();
        Assert.Equal(new Money(Money.MaxYuan), order.Total);
        Assert.Contains("CNY 999999999999.99", order.ToString(), StringComparison.Ordinal);
        Assert.True((await s.Engine.ExecuteAsync(new PayOrder(new CommandId("pay-O-2"), Orders.OrderScenario.System, At(2026, 3, 4, 9, 5), order.Id, order.Total))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_ALineTotalPastMoneysRange_IsRefusedNamingTheLine()
    {
        var s = new Orders.OrderScenario();
        var refused = await s.Engine.ExecuteAsync(Place("O-3", Lines(("SKU-1", 1, 1m), ("SKU-2", PlaceOrder.MaxQuantity, 999_999_999m))));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Ord1), (refused.Code, refused.RuleId));
        Assert.Contains("Line 2", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "REF-1")]
    public async Task REF1_AReturnFreightAsLargeAsMoneyHolds_IsCappedAtWhatIsLeft_NotAnOverflow()
    {
        var f = new ReturnFixture();
        var order = new OrderId("O-4");
        var id = new ReturnCaseId(order, "c1");
        var day = ReturnFixture.At(2026, 3, 3);
        await f.ReceivedOrder(order, day);
        await f.Ok(f.Request(id, day, quantity: 3));
        await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, day, id, true, "ok"));
        await f.Ok(new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, day, id, "YT1", new Money(Money.MaxYuan)));
        await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, day, id, true, true));
        await f.Ok(new RestockReturn(f.NextId(), ReturnFixture.Warehouse, day, id));
        var refund = await f.Get<Refund>(new RefundId(order, "return-c1").Key);
        Assert.Equal(new Money(360m), refund.Amount); // everything paid, no more (REF-1)
    }

    [Fact]
    [Trait("Rule", "CUS-1")]
    public async Task NullsInAPlacement_AreRefusedAsInvalidInput_NeverANullReference()
    {
        var s = new Orders.OrderScenario();
        PlaceOrder[] commands =
        [
            Place("N-1", [null!]),
            Place("N-2", [new OrderLine(null!, 1, new Money(1m))]),
            Place("N-3") with { Buyer = null! },
            Place("N-4") with { Buyer = PrivateBuyer() with { Name = null!, Street = null!, City = null!, Province = null!, Mobile = null! } },
            Place("N-5") with { Buyer = BusinessBuyer() with { Name = null!, CreditCode = null, ContactName = null } },
            Place("N-6", default(ImmutableArray<OrderLine>)),
        ];
        foreach (var command in commands)
        {
            var decision = await s.Engine.ExecuteAsync(command);
            Assert.True(decision.IsRefused, decision.ToString());
            Assert.Contains(decision.Code, new[] { RefusalCode.InvalidInput, RefusalCode.RuleViolation }); // CUS-1/CUS-2 name the buyer's problems
        }

        Assert.Equal(0, s.Store.AggregateCount);
    }

    [Fact]
    public async Task AMegabyteOfText_IsRefused_NotStored()
    {
        var f = new ReturnFixture();
        var order = new OrderId("L-1");
        var day = ReturnFixture.At(2026, 3, 3);
        await f.ReceivedOrder(order, day);
        var audit = f.Store.AuditTrail.Count;
        var caseId = new ReturnCaseId(order, "c1");
        EcomCommand[] commands =
        [
            new PlaceOrder(f.NextId(), ReturnFixture.Service, day, new OrderId("L-2"), ReturnFixture.BuyerDetails(), [new OrderLine(Megabyte, 1, new Money(1m))]),
            new PlaceOrder(f.NextId(), ReturnFixture.Service, day, new OrderId("L-3"), ReturnFixture.BuyerDetails() with { Street = Megabyte }, ReturnFixture.Lines()),
            new RequestRefund(f.NextId(), ReturnFixture.Service, day, new RefundId(order, "r1"), new Money(1m), Megabyte),
            f.Request(caseId, day, reason: ReturnReason.Other, text: Megabyte),
            f.Request(caseId, day) with { Evidence = [Megabyte] },
            new CancelOrder(f.NextId(), ReturnFixture.Buyer, day, order, Megabyte),
            new RecordDeadlinePassed(f.NextId(), Actor.System, day, order, Megabyte, null),
            new ReportLogistics(f.NextId(), new Actor(Megabyte, ActorRole.Warehouse), day, order), // the actor goes to the audit trail
        ];
        foreach (var command in commands)
        {
            var decision = await f.Run(command);
            Assert.Equal(RefusalCode.InvalidInput, decision.Code);
            Assert.Contains("at most", decision.Reason, StringComparison.Ordinal);
            Assert.True(decision.Reason.Length < 200, "the refusal does not echo the text");
        }

        Assert.Equal(audit, f.Store.AuditTrail.Count);
        Assert.Null(await f.Store.LoadAsync(new OrderId("L-2").Key));
        Assert.Null(await f.Store.LoadAsync(caseId.Key));
    }

    [Fact]
    public async Task AReturnCaseNumberTooLongToNumberItsRefund_IsRefusedWhenRequested_NotStuckAtRestock()
    {
        var f = new ReturnFixture();
        var order = new OrderId("L-4");
        var day = ReturnFixture.At(2026, 3, 3);
        await f.ReceivedOrder(order, day);
        var refused = await f.Run(f.Request(new ReturnCaseId(order, new string('n', 58)), day));
        Assert.Equal(RefusalCode.InvalidInput, refused.Code);
        Assert.Contains("at most 57 characters", refused.Reason, StringComparison.Ordinal);

        var longest = new ReturnCaseId(order, new string('n', 57));
        await f.CompletedReturn(longest, day);
        Assert.NotNull(await f.Store.LoadAsync(new RefundId(order, "return-" + longest.Number).Key));
    }

    [Fact]
    public async Task TextLimits_ComeFromThePolicy()
    {
        var policy = EcomPolicy.RetailPlatform.ToBuilder();
        policy.Limits = new InputLimits(maxCodeLength: 20);
        var s = new Orders.OrderScenario(policy.Build());
        Assert.Equal(RefusalCode.InvalidInput, s.Place("P-1", At(2026, 3, 4, 9, 0), lines: Lines(("SKU-12345678901234567", 1, 1m))).Code);
        Assert.True(s.Place("P-2", At(2026, 3, 4, 9, 0), lines: Lines(("SKU-1234567890123456", 1, 1m))).IsAccepted);
        Assert.Equal(64, InputLimits.Default.MaxCodeLength);
        Assert.Equal(200, InputLimits.Default.MaxTextLength);
        Assert.Equal(2_000, InputLimits.Default.MaxReasonLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InputLimits(maxTextLength: 0));
        Assert.Same(InputLimits.Default, EcomPolicy.RetailPlatform.Limits);
    }

    [Theory]
    [InlineData(-10_000)]
    [InlineData(7_000)]
    public async Task AnInstantFarOutsideTheCalendar_IsRefused_NotAnOverflow(int year)
    {
        var s = new Orders.OrderScenario();
        var at = year < 0 ? Instant.MinValue : Instant.MaxValue;
        var decision = await s.Engine.ExecuteAsync(Place("T-1") with { At = at });
        Assert.Equal(RefusalCode.InvalidInput, decision.Code);
        Assert.Equal(0, s.Store.AggregateCount);
    }
}
