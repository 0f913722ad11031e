using EcomRules.Customers;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Tests.Core;
using EcomRules.Tests.PropertyTests;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.Persistence;

/// <summary>An order journey to generate: the buyer, the lines, how many happy-path steps, and whether it is then cancelled.</summary>
public sealed record JourneyCase(BuyerDetails Buyer, OrderLine[] Lines, int Steps, bool Cancel)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Buyer.Kind} buyer {Buyer.Name} in {Buyer.Province}, {Steps} steps{(Cancel ? ", cancelled" : string.Empty)}, lines [{string.Join("; ", Lines.Select(l => $"{l.Sku} × {l.Quantity} @ {l.UnitPrice}"))}]";
}

[Properties(Arbitrary = [typeof(OrderSerializationProperties), typeof(CoreArbitraries)])]
public sealed class OrderSerializationProperties
{
    private static readonly Gen<char> Digit = Gen.Elements("0123456789".ToCharArray());

    private static readonly Gen<string> Mobile = CustomerArbitraries.MobileTexts;

    // Valid resident ID numbers and credit codes, with their check characters.
    private static readonly Gen<string> ResidentId = CustomerArbitraries.ResidentIdTexts;

    private static readonly Gen<string> CreditCode = CustomerArbitraries.CreditCodeTexts;

    private static readonly Gen<string> Text = Gen.Elements("张三", "李四", "王五 Wang", "O'Brien & Co <x>", "科技园路 1 号", "\"quoted\"");

    private static readonly Gen<BuyerDetails> Buyer =
        from business in Gen.Elements(true, false)
        from name in Text
        from contact in Text
        from mobile in Mobile
        from residentId in ResidentId
        from creditCode in CreditCode
        from province in Gen.Elements("Zhejiang", "Guangdong", "Beijing", "Sichuan", "Xinjiang")
        from street in Text
        from district in Gen.Elements<string?>(null, "西湖区")
        from postal in Gen.ArrayOf(Digit, 6)
        select new BuyerDetails
        {
            Kind = business ? BuyerKind.Business : BuyerKind.Private,
            Name = name,
            CreditCode = business ? creditCode : null,
            ContactName = business ? contact : null,
            ResidentId = business ? null : residentId,
            Mobile = mobile,
            Province = province,
            City = "某市",
            District = district,
            Street = street,
            PostalCode = business ? null : new string(postal),
        };

    private static readonly Gen<OrderLine> Line =
        from sku in Gen.Elements("SKU-1", "SKU-2", "螺丝-M3")
        from quantity in Gen.Choose(1, 1000)
        from fen in Gen.Choose(1, 10_000_000)
        select new OrderLine(sku, quantity, Money.FromFen(fen));

    /// <summary>Journeys: fewer lines, smaller quantities and prices, fewer steps and no cancellation when shrunk.</summary>
    public static Arbitrary<JourneyCase> Journeys() => Arb.From(
        from buyer in Buyer
        from lines in Gen.NonEmptyListOf(Line)
        from steps in Gen.Choose(1, OrderJourney.HappyPathSteps)
        from cancel in Gen.Elements(true, false)
        select new JourneyCase(buyer, [.. lines.Take(5)], steps, cancel),
        c => Shrinks.Array(c.Lines, ShrinkLine, minLength: 1).Select(l => c with { Lines = l })
            .Concat(Shrinks.Int(c.Steps, 1, OrderJourney.HappyPathSteps).Select(n => c with { Steps = n }))
            .Concat(Shrinks.Bool(c.Cancel).Select(b => c with { Cancel = b })));

    [Property]
    public void RandomOrders_RoundTripToAnEqualOrder_AndIdenticalJson_Property(JourneyCase generated)
    {
        var journey = new OrderJourney("R-1", generated.Buyer, generated.Steps, generated.Cancel, generated.Lines);
        var serializer = EcomSerializer.Default;
        var json = serializer.SerializeAggregate(journey.Order!);
        var read = serializer.DeserializeAggregate(json);
        ValueAssert.Equal(journey.Order, read);
        Assert.Equal(json, serializer.SerializeAggregate(read));
        foreach (var domainEvent in journey.Events)
        {
            var eventJson = serializer.SerializeEvent(domainEvent);
            var readEvent = serializer.DeserializeEvent(eventJson);
            ValueAssert.Equal(domainEvent, readEvent);
            Assert.Equal(eventJson, serializer.SerializeEvent(readEvent));
        }
    }

    [Property]
    public bool RandomMoney_RoundTripsExactly_Property(Money money)
    {
        var line = new OrderLine("SKU", 1, money == Money.Zero ? Money.FromFen(1) : money);
        var journey = new OrderJourney("M-1", Orders.OrderScenario.PrivateBuyer(), 1, lines: [line]);
        var read = (Order)EcomSerializer.Default.DeserializeAggregate(EcomSerializer.Default.SerializeAggregate(journey.Order!));
        return read.Lines[0].UnitPrice.Fen == line.UnitPrice.Fen && read.Goods == journey.Order!.Goods;
    }

    [Theory]
    [Trait("Rule", "CUS-2")]
    [InlineData(2026, "19000101")] // the earliest birth date
    [InlineData(2061, "20550307")] // born after 2049: read back with the date it was entered on, not a fixed "today"
    [InlineData(8999, "88990101")]
    public void AnOrderOfABuyerBornOnAnyDateItWasAcceptedWith_ReadsBack(int year, string birthDate)
    {
        var buyer = Orders.OrderScenario.PrivateBuyer() with { ResidentId = EcomRules.Testing.SampleBuyers.ResidentId("110105", birthDate, "123") };
        var engine = new EcomRules.Engine.EcomEngine(new EcomRules.Testing.InMemoryEcomStore(), EcomRules.Policies.EcomPolicy.RetailPlatform);
        var placed = engine.ExecuteAsync(new PlaceOrder(new("place"), Orders.OrderScenario.Customer, Instant.FromUtc(year, 3, 4, 1, 0), new OrderId("B-1"), buyer,
            Orders.OrderScenario.Lines(("SKU-1", 1, 10m)))).AsTask().GetAwaiter().GetResult();
        Assert.True(placed.IsAccepted, placed.Reason);

        var read = (Order)EcomSerializer.Default.DeserializeAggregate(EcomSerializer.Default.SerializeAggregate(placed.State!));

        var written = Assert.IsType<EcomRules.Customers.PrivateBuyer>(((Order)placed.State!).Buyer);
        Assert.Equal(written.ResidentId, Assert.IsType<EcomRules.Customers.PrivateBuyer>(read.Buyer).ResidentId);
    }

    private static IEnumerable<OrderLine> ShrinkLine(OrderLine line)
        => Shrinks.Int(line.Quantity, 1, 1000).Select(q => line with { Quantity = q })
            .Concat(Shrinks.Long(line.UnitPrice.Fen, 1, 10_000_000).Select(f => line with { UnitPrice = Money.FromFen(f) }));
}
