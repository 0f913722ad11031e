using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Sla;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

/// <summary>Buyer identity (CUS-1..3) and warehouse routing (WH-1) as decided when orders are placed and confirmed.</summary>
public sealed class OrderCustomerTests
{
    public static TheoryData<string> RemoteProvinces => ["Liaoning", "Gansu", "Ningxia", "Tibet", "Xinjiang", "Yunnan", "Inner Mongolia"];

    public static TheoryData<string> OtherProvinces => ["Zhejiang", "Guangdong", "Beijing", "Sichuan", "Heilongjiang", "Hainan"];

    private static string ValidId => ValidResidentId("110105", "19900307", "123");

    public static TheoryData<string, BuyerDetails, string[]> InvalidBuyers => new()
    {
        { "CUS-1", BusinessBuyer() with { CreditCode = "91440300708461136A" }, ["unified social credit code"] },
        { "CUS-1", BusinessBuyer() with { Street = " " }, ["address is incomplete"] },
        { "CUS-1", BusinessBuyer() with { CreditCode = null, ContactName = null }, ["credit code", "contact"] },
        { "CUS-2", PrivateBuyer() with { ResidentId = ValidId[..17] + (ValidId[17] == '0' ? '1' : '0') }, ["resident ID number is not valid"] },
        { "CUS-2", PrivateBuyer() with { ResidentId = ValidResidentId("110105", "19900230", "123") }, ["resident ID number is not valid"] },
        { "CUS-2", PrivateBuyer() with { PostalCode = null }, ["postal code is not valid"] },
        { "CUS-2", PrivateBuyer() with { Street = "" }, ["address is incomplete"] },
        {
            "CUS-2", PrivateBuyer() with { ResidentId = "123", PostalCode = "31001", Street = "", Mobile = "12345" },
            ["resident ID number", "postal code", "address is incomplete", "mobile number"]
        },
        { "CUS-2", PrivateBuyer("Atlantis"), ["province"] },
        { "CUS-1", BusinessBuyer("Atlantis"), ["province"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBuyers))]
    [Trait("Rule", "CUS-1")]
    [Trait("Rule", "CUS-2")]
    public void CUS_InvalidBuyer_IsRefusedWithEveryProblem_AndNothingIsStored(string rule, BuyerDetails buyer, string[] problems)
    {
        var s = new OrderScenario();
        var refused = s.RequireRefusedBy(new RuleId(rule), "B1", () => s.Place("B1", At(2026, 3, 4, 9, 0), buyer));
        foreach (var problem in problems)
        {
            Assert.Contains(problem, refused.Reason, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(problems.Length, refused.Reason.Split(';').Length);
        Assert.False(s.Exists("B1"));
        Assert.Equal(0, s.Store.AggregateCount);
        Assert.Empty(s.Store.AuditTrail);
        Assert.Empty(s.Store.Outbox);
        if (buyer.ResidentId is { Length: 18 } id)
        {
            Assert.DoesNotContain(id, refused.ToString(), StringComparison.Ordinal); // SEC-1: never echo the number
        }
    }

    [Theory]
    [Trait("Rule", "SEC-1")]
    [InlineData("13800138000", null, null)] // a mobile number typed into the resident ID field
    [InlineData("11010519491231002", null, null)] // an ID number one character short
    [InlineData(null, "13800138000", null)] // a mobile number typed into the postal code field
    [InlineData(null, null, "1380013800")] // a mobile number one digit short
    public void SEC1_AnInvalidNumber_IsNotRepeatedInTheRefusal_WhateverFieldItWasTypedInto(string? residentId, string? postalCode, string? mobile)
    {
        // The refusal's reason is logged (HostingDiagnostics): a number that fails validation is masked entirely, as no
        // part of it is known to be the harmless one.
        var s = new OrderScenario();
        var buyer = PrivateBuyer();
        buyer = buyer with { ResidentId = residentId ?? buyer.ResidentId, PostalCode = postalCode ?? buyer.PostalCode, Mobile = mobile ?? buyer.Mobile };
        var refused = s.Place("B1", At(2026, 3, 4, 9, 0), buyer);

        Assert.True(refused.IsRefused);
        var typed = residentId ?? postalCode ?? mobile!;
        Assert.Contains(new string('*', typed.Length), refused.Reason, StringComparison.Ordinal);
        for (var i = 0; i + 3 <= typed.Length; i++)
        {
            Assert.DoesNotContain(typed.Substring(i, 3), refused.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_ValidBusinessBuyer_IsAccepted()
    {
        var s = new OrderScenario();
        var order = Require(s.Place("B2", At(2026, 3, 4, 9, 0), BusinessBuyer())).StateAs<Order>();
        var business = Assert.IsType<EcomRules.Customers.BusinessBuyer>(order.Buyer);
        Assert.Equal("91440300708461136T", business.CreditCode.Value);
        Assert.Equal(RuleIds.Cus1, business.RuleId);
    }

    [Theory]
    [InlineData(15, SlaState.Met)]
    [InlineData(16, SlaState.Breached)]
    [Trait("Rule", "CUS-3")]
    [Trait("Rule", "SLA-1")]
    public void CUS3_ConfirmRecordsTheMatchedCustomer_SLA1CountsWorkingMinutesAcrossLunch(int workingMinutes, SlaState outcome)
    {
        var index = CustomerIndex.Create([new KnownCustomer(new CustomerId("C-7"), "张三", ChineseMobileNumber.Parse("13812345678"))]);
        var s = new OrderScenario();
        s.PlaceAndPay("M1", At(2026, 3, 4, 11, 50)); // 10 working minutes before lunch (12:00–14:00)
        var order = s.Order("M1");
        var match = index.Match(order.Buyer.Name, order.Buyer.Phone);
        Assert.True(match.IsKnown);

        var confirmedAt = At(2026, 3, 4, 14, 0) + NodaTime.Duration.FromMinutes(workingMinutes - 10);
        var confirmed = Require(s.Confirm("M1", confirmedAt, match.CustomerId));
        Assert.Equal(new CustomerId("C-7"), Single<OrderConfirmed>(confirmed).Customer);
        Assert.Equal(new CustomerId("C-7"), s.Order("M1").Customer);
        var sla1 = Assert.Single(confirmed.Events.OfType<SlaClosed>(), e => e.SlaId == "SLA-1");
        Assert.Equal(outcome, sla1.Outcome);
        Assert.Equal(NodaTime.Duration.FromMinutes(workingMinutes), sla1.Elapsed);
    }

    [Fact]
    [Trait("Rule", "CUS-3")]
    public void CUS3_NoMatch_ConfirmsAsANewCustomer()
    {
        var index = CustomerIndex.Create([new KnownCustomer(new CustomerId("C-8"), "王五", ChineseMobileNumber.Parse("13700000000"))]);
        var s = new OrderScenario();
        s.AdvanceTo("M2", OrderState.Paid);
        var order = s.Order("M2");
        var match = index.Match(order.Buyer.Name, order.Buyer.Phone);
        Assert.False(match.IsKnown);
        Assert.Null(Single<OrderConfirmed>(Require(s.Confirm("M2", At(2026, 3, 4, 9, 10), match.CustomerId))).Customer);
        Assert.Null(s.Order("M2").Customer);
    }

    [Theory]
    [MemberData(nameof(RemoteProvinces))]
    [Trait("Rule", "WH-1")]
    public void WH1_RemoteProvinces_ShipFromTheCentralWarehouse(string province)
    {
        var s = new OrderScenario();
        var placed = Single<OrderPlaced>(Require(s.Place("W1", At(2026, 3, 4, 9, 0), PrivateBuyer(province))));
        Assert.Equal(WarehouseId.Central, placed.Warehouse);
        Assert.Equal(WarehouseId.Central, s.Order("W1").Warehouse);
    }

    [Theory]
    [MemberData(nameof(OtherProvinces))]
    [Trait("Rule", "WH-1")]
    public void WH1_OtherProvinces_ShipFromTheMainWarehouse(string province)
    {
        var s = new OrderScenario();
        Require(s.Place("W2", At(2026, 3, 4, 9, 0), BusinessBuyer(province)));
        Assert.Equal(WarehouseId.Main, s.Order("W2").Warehouse);
    }

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_CustomRouting_IsHonoured()
    {
        var east = new WarehouseId("east");
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform);
        builder.Routing = WarehouseRouting.Default.With(Province.Zhejiang, east).With(Province.Yunnan, WarehouseId.Main);
        var s = new OrderScenario(builder.Build());
        Require(s.Place("W3", At(2026, 3, 4, 9, 0), PrivateBuyer("Zhejiang")));
        Require(s.Place("W4", At(2026, 3, 4, 9, 0), PrivateBuyer("Yunnan")));
        Require(s.Place("W5", At(2026, 3, 4, 9, 0), PrivateBuyer("Xinjiang")));
        Assert.Equal([east, WarehouseId.Main, WarehouseId.Central], new[] { "W3", "W4", "W5" }.Select(id => s.Order(id).Warehouse));
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 4), Single<OrderPaid>(Require(s.Pay("W3", At(2026, 3, 4, 10, 0)))).DispatchDate);
    }

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_UnknownProvince_IsRefusedNamingTheBuyersRule()
    {
        var s = new OrderScenario();
        var refused = s.RequireRefusedBy(RuleIds.Cus2, "W6", () => s.Place("W6", At(2026, 3, 4, 9, 0), PrivateBuyer("Narnia")));
        Assert.Contains("province", refused.Reason, StringComparison.Ordinal);
        s.RequireRefusedBy(RuleIds.Cus1, "W6", () => s.Place("W6", At(2026, 3, 4, 9, 0), BusinessBuyer("Narnia")));
    }
}
