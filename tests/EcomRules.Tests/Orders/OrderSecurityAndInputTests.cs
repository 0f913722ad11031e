using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Orders;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

/// <summary>SEC-1 (no personal data in text), SEC-3 (audit of every accepted command) and bad input.</summary>
public sealed class OrderSecurityAndInputTests
{
    private static readonly string[] PersonalData =
        ["张三", "李四", ValidResidentId("110105", "19900307", "123"), "13812345678", "13912345678", "文三路", "科技园路", "西湖区", "南山区"];

    private static void AssertNoPersonalData(string text)
    {
        foreach (var secret in PersonalData)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_NoPersonalDataInOrderDecisionAuditOrEvents()
    {
        var texts = new List<string> { PrivateBuyer().ToString(), BusinessBuyer().ToString() };
        foreach (var (id, buyer) in new[] { ("S1", PrivateBuyer()), ("S2", BusinessBuyer()) })
        {
            var s = new OrderScenario();
            Require(s.Place(id, StandardInstant(OrderState.Placed), buyer));
            foreach (var state in MainPath[1..])
            {
                var decision = s.Run(StepInto(state), id, StandardInstant(state));
                texts.Add(decision.ToString());
                texts.Add(s.Order(id).ToString());
            }

            texts.Add(s.Cancel(id, StandardInstant(OrderState.Completed)).ToString()); // a refusal
            texts.AddRange(s.Store.AuditTrail.Select(a => a.ToString()));
            texts.AddRange(s.Store.Outbox.Select(m => m.Message.Event.ToString()!));
            Assert.Contains(s.Store.Outbox, m => m.Message.Event is EcomRules.Orders.Events.CustomerNotificationRequested);
        }

        Assert.True(texts.Count > 30);
        Assert.All(texts, AssertNoPersonalData);
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public void SEC3_EveryAcceptedCommand_IsAuditedWithWhoRoleWhenActionChangeWhy()
    {
        var s = new OrderScenario();
        s.AdvanceTo("A1", OrderState.Shipped);
        Require(s.Cancel("A1", At(2026, 3, 4, 11, 0), "found it cheaper"));
        var trail = s.Store.AuditTrail.Where(a => a.Target == new OrderId("A1").Key).ToArray(); // the refund has its own trail
        Assert.Equal(
            ["PlaceOrder", "PayOrder", "ConfirmOrder", "AllocateStock", "RecordInvoice", "RecordShipment", "CancelOrder"],
            trail.Select(a => a.Action));
        Assert.Equal([Customer.Id, OrderScenario.System.Id, Sales.Id, Warehouse.Id, OrderScenario.System.Id, Carrier.Id, Customer.Id], trail.Select(a => a.ActorId));
        Assert.Equal([Customer.Role, OrderScenario.System.Role, Sales.Role, Warehouse.Role, OrderScenario.System.Role, Carrier.Role, Customer.Role], trail.Select(a => a.ActorRole));
        Assert.Equal([.. Cancellable.Select(StandardInstant), At(2026, 3, 4, 11, 0)], trail.Select(a => a.At));
        Assert.Equal("Shipped → Cancelled", trail[^1].Change);
        Assert.Equal("found it cheaper", trail[^1].Why);
        Assert.All(trail, a => Assert.Equal(new OrderId("A1").Key, a.Target));
        Assert.Equal(Enumerable.Range(1, 7).Select(v => (long)v), trail.Select(a => a.Version));
        Assert.Equal(trail, s.Store.ReadAuditAsync(new OrderId("A1").Key).AsTask().Result);
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public void SEC3_RefusalsWriteNoAuditEntry()
    {
        var s = new OrderScenario();
        s.AdvanceTo("A2", OrderState.Paid);
        var audit = s.Store.AuditTrail.Count;
        Assert.True(s.Pay("A2", At(2026, 3, 4, 10, 0)).IsRefused);
        Assert.True(s.Ship("A2", At(2026, 3, 4, 10, 0)).IsRefused);
        Assert.True(s.Complete("A2", At(2026, 3, 4, 10, 0)).IsRefused);
        Assert.True(s.Place("A2", At(2026, 3, 4, 10, 0)).IsRefused);
        Assert.Equal(audit, s.Store.AuditTrail.Count);
    }

    public static TheoryData<string, int, decimal> BadLines => new()
    {
        { "SKU-1", 0, 10m },
        { "SKU-1", -3, 10m },
        { "SKU-1", PlaceOrder.MaxQuantity + 1, 10m },
        { " ", 1, 10m },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void BadLine_IsRefusedAsInvalidInput_AndNothingIsStored(string sku, int quantity, decimal price)
    {
        var s = new OrderScenario();
        var refused = s.RequireRefused(RefusalCode.InvalidInput, "X1", () => s.Place("X1", At(2026, 3, 4, 9, 0), lines: Lines(("OK", 1, 5m), (sku, quantity, price))));
        Assert.Contains("line 2", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, s.Store.AggregateCount);
    }

    [Fact]
    public void EmptyOrder_IsRefusedAsInvalidInput()
    {
        var s = new OrderScenario();
        s.RequireRefused(RefusalCode.InvalidInput, "X2", () => s.Place("X2", At(2026, 3, 4, 9, 0), lines: ImmutableArray<OrderLine>.Empty));
        s.RequireRefused(RefusalCode.InvalidInput, "X2", () => s.Place("X2", At(2026, 3, 4, 9, 0), lines: default(ImmutableArray<OrderLine>)));
    }

    [Fact]
    public void PlacingTheSameOrderIdTwice_IsRefusedAsAlreadyExists()
    {
        var s = new OrderScenario();
        s.AdvanceTo("X3", OrderState.Paid);
        s.RequireRefused(RefusalCode.AlreadyExists, "X3", () => s.Place("X3", At(2026, 3, 4, 9, 30), BusinessBuyer()));
        Assert.Equal(OrderState.Paid, s.Order("X3").State);
    }

    [Theory]
    [InlineData(OrderStep.Pay)]
    [InlineData(OrderStep.Ship)]
    [InlineData(OrderStep.Cancel)]
    [InlineData(OrderStep.Complete)]
    public void CommandOnUnknownOrder_IsRefusedAsNotFound(OrderStep step)
    {
        var s = new OrderScenario();
        s.AdvanceTo("X4", OrderState.Paid);
        var refused = s.RequireRefused(RefusalCode.NotFound, "X4", () => s.Run(step, "nope", At(2026, 3, 4, 10, 0), new Money(1m)));
        Assert.Equal(0, refused.Version);
        Assert.False(s.Exists("nope"));
    }

    [Theory]
    [InlineData(111.99)]
    [InlineData(112.01)]
    [InlineData(0)]
    [Trait("Rule", "ORD-1")]
    public void PayingTheWrongAmount_IsRefused(decimal amount)
    {
        var s = new OrderScenario();
        s.AdvanceTo("X5", OrderState.Placed);
        s.RequireRefusedBy(RuleIds.Ord1, "X5", () => s.Pay("X5", At(2026, 3, 4, 9, 5), new Money(amount)));
        Assert.Null(s.Order("X5").PaidAt);
        Assert.Null(s.Timer("X5", "dispatch"));
    }

    [Fact]
    public void CommandIdReused_WithADifferentPayload_IsRefusedAndChangesNothing()
    {
        var s = new OrderScenario();
        var place = new PlaceOrder(new CommandId("same"), Customer, At(2026, 3, 4, 9, 0), new OrderId("X6"), PrivateBuyer(), Lines(("SKU-1", 1, 10m)));
        Require(s.Execute(place));
        var reused = s.RequireRefused(RefusalCode.CommandIdReused, "X6", () => s.Execute(place with { Buyer = BusinessBuyer() }));
        Assert.False(reused.IsReplay);
        s.RequireRefused(RefusalCode.CommandIdReused, "X6", () => s.Execute(new CancelOrder(new CommandId("same"), Customer, At(2026, 3, 4, 9, 1), new OrderId("X6"))));
        Assert.Equal(OrderState.Placed, s.Order("X6").State);
    }

    // Built in code: an attribute's strings are stored as UTF-8, which cannot carry half a surrogate pair.
    private static readonly string HalfPair = new(['\uD83D']);

    [Theory]
    [InlineData(true)] // half of a surrogate pair: UTF-8 cannot encode it, the serializer wrote U+FFFD
    [InlineData(false)] // NUL: PostgreSQL's text refuses it
    public void AText_NoStoreKeepsAsWritten_IsRefusedAsInvalidInput_AndNothingIsStored(bool halfPair)
    {
        var s = new OrderScenario();
        var refused = s.Place("U1", At(2026, 3, 4, 9, 0), PrivateBuyer() with { Name = "张" + (halfPair ? HalfPair : "\0") + "三" });

        Assert.Equal(RefusalCode.InvalidInput, refused.Code);
        Assert.Contains("buyer's name contains a NUL character or half of a surrogate pair", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, s.Store.AggregateCount);
        Assert.True(s.Place("U2", At(2026, 3, 4, 9, 0), PrivateBuyer() with { Name = "张\uD83D\uDE00三" }).IsAccepted); // a whole pair is kept
    }

    [Fact]
    public void AnAggregateId_NoStoreKeepsAsWritten_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new OrderId("A\0B"));
        Assert.Throws<ArgumentException>(() => new OrderId("A" + HalfPair));
        Assert.Throws<ArgumentException>(() => new OrderId(new string(['\uDE00']) + "A"));
        Assert.Equal("A\uD83D\uDE00", new OrderId("A\uD83D\uDE00").Value);
    }
}
