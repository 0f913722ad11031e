using EcomRules.Customers;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Tests.PropertyTests;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.Persistence;

public sealed class OrderSerializationProperties
{
    private static readonly Gen<char> Digit = Gen.Elements("0123456789".ToCharArray());

    private static readonly Gen<string> Mobile = from second in Gen.Choose(3, 9) from rest in Gen.ArrayOf(Digit, 9) select $"1{second}{new string(rest)}";

    // Valid resident ID numbers and credit codes, with their check characters.
    private static readonly Gen<string> ResidentId = IdentityNumberProperties.ValidResidentId;

    private static readonly Gen<string> CreditCode = IdentityNumberProperties.ValidCreditCode;

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

    private static readonly Gen<OrderJourney> Journey =
        from buyer in Buyer
        from lines in Gen.NonEmptyListOf(Line)
        from steps in Gen.Choose(1, OrderJourney.HappyPathSteps)
        from cancel in Gen.Elements(true, false)
        select new OrderJourney("R-1", buyer, steps, cancel, lines.Take(5).ToList());

    [Fact]
    public void RandomOrders_RoundTripToAnEqualOrder_AndIdenticalJson_Property()
        => Prop.ForAll(Arb.From(Journey), journey =>
            {
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
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void RandomMoney_RoundTripsExactly_Property()
        => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue).Select(f => Money.FromFen(f * 47L))), money =>
            {
                var line = new OrderLine("SKU", 1, money == Money.Zero ? Money.FromFen(1) : money);
                var journey = new OrderJourney("M-1", Orders.OrderScenario.PrivateBuyer(), 1, lines: [line]);
                var read = (Order)EcomSerializer.Default.DeserializeAggregate(EcomSerializer.Default.SerializeAggregate(journey.Order!));
                return read.Lines[0].UnitPrice.Fen == line.UnitPrice.Fen && read.Goods == journey.Order!.Goods;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void ResidentIdReferenceDate_AcceptsEveryBirthDateFrom1900()
    {
        Assert.Equal(ResidentIdNumber.EarliestBirthDate, LocalDate.Max(ResidentIdNumber.EarliestBirthDate, SerializerSettings.ResidentIdReferenceDate.PlusYears(-ResidentIdNumber.MaximumAgeYears)));
        Assert.True(SerializerSettings.ResidentIdReferenceDate.PlusYears(1).PlusYears(-ResidentIdNumber.MaximumAgeYears) > ResidentIdNumber.EarliestBirthDate);
    }
}
