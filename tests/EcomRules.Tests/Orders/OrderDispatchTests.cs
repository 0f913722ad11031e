using EcomRules.Calendars;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Shipping;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

/// <summary>Dispatch dates, deadlines, invoices and carriers as set by payment and shipment.</summary>
public sealed class OrderDispatchTests
{
    private static readonly LocalDate Wednesday = new(2026, 3, 4);

    private static EcomPolicy Profile(bool parts) => parts ? EcomPolicy.PartsDistributor : EcomPolicy.RetailPlatform;

    [Theory]
    [InlineData(true, 14, 59, 59, 4)] // parts distributor: 15:00 cut-off (DSP-2)
    [InlineData(true, 15, 0, 0, 5)]
    [InlineData(false, 16, 59, 59, 4)] // retail: 17:00 cut-off (DSP-3)
    [InlineData(false, 17, 0, 0, 5)]
    [Trait("Rule", "DSP-2")]
    [Trait("Rule", "DSP-3")]
    public void DSP_PaymentBeforeCutoff_ShipsToday_AtOrAfter_NextWorkingDay(bool parts, int hour, int minute, int second, int expectedDay)
    {
        var s = new OrderScenario(Profile(parts));
        var paid = Single<OrderPaid>(s.PlaceAndPay("D1", At(2026, 3, 4, hour, minute, second)));
        Assert.Equal(new LocalDate(2026, 3, expectedDay), paid.DispatchDate);
        Assert.Equal(paid.DispatchDate, s.Order("D1").DispatchDate);
    }

    [Theory]
    [InlineData(true, 2026, 3, 7, 18, 30, 2026, 3, 9)] // Saturday evening → Monday (Sunday is rest, DSP-1)
    [InlineData(false, 2026, 3, 7, 18, 30, 2026, 3, 9)]
    [InlineData(false, 2026, 3, 8, 10, 0, 2026, 3, 9)] // Sunday morning → Monday
    [InlineData(true, 2026, 2, 14, 16, 0, 2026, 2, 24)] // make-up Saturday after cut-off → after Spring Festival (15–23 Feb)
    [InlineData(false, 2026, 2, 14, 16, 0, 2026, 2, 14)] // the make-up Saturday is a working day: before 17:00 ships that day
    [InlineData(true, 2026, 2, 18, 10, 0, 2026, 2, 24)] // paid during the holiday
    [InlineData(false, 2026, 2, 13, 17, 30, 2026, 2, 14)] // Friday evening → make-up Saturday
    [Trait("Rule", "DSP-2")]
    [Trait("Rule", "DSP-3")]
    public void DSP_DispatchDate_FollowsTheWorkingCalendar(bool parts, int y, int m, int d, int h, int min, int ey, int em, int ed)
    {
        var s = new OrderScenario(Profile(parts));
        var paid = Single<OrderPaid>(s.PlaceAndPay("D2", At(y, m, d, h, min)));
        Assert.Equal(new LocalDate(ey, em, ed), paid.DispatchDate);
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public void ORD3_Retail_DeadlineIsThreeCalendarDaysAfterPayment_TimerScheduledAtPayment()
    {
        var s = new OrderScenario();
        Require(s.Place("R1", At(2026, 3, 4, 9, 0)));
        Assert.Null(s.Timer("R1", "dispatch"));

        var paid = Single<OrderPaid>(Require(s.Pay("R1", At(2026, 3, 6, 20, 15)))); // Friday evening
        var deadline = At(2026, 3, 9, 20, 15); // calendar days: the Sunday counts
        Assert.Equal(deadline, paid.DispatchDeadline);
        Assert.Equal(deadline, s.Order("R1").DispatchDeadline);
        var timer = s.Timer("R1", "dispatch");
        Assert.NotNull(timer);
        Assert.Equal((PayOrder.DispatchDeadlineTimerKind, deadline), (timer.Kind, timer.DueAt!.Value));
    }

    [Theory]
    [InlineData(2026, 3, 4, 10, 0, 2026, 3, 5)] // Wednesday → end of Thursday
    [InlineData(2026, 3, 7, 10, 0, 2026, 3, 9)] // Saturday → end of Monday (Sunday is not a working day)
    [InlineData(2026, 2, 13, 10, 0, 2026, 2, 14)] // Friday → the make-up Saturday
    [InlineData(2026, 2, 14, 10, 0, 2026, 2, 24)] // make-up Saturday → first day after Spring Festival
    [Trait("Rule", "ORD-3")]
    public void ORD3_PartsDistributor_DeadlineCountsWorkingDays(int y, int m, int d, int h, int min, int ey, int em, int ed)
    {
        var s = new OrderScenario(EcomPolicy.PartsDistributor);
        var paid = Single<OrderPaid>(s.PlaceAndPay("P1", At(y, m, d, h, min)));
        Assert.Equal(At(ey, em, ed, 18, 0), paid.DispatchDeadline); // the end of that working day (18:00)
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)] // at the deadline: its timer counts the dispatch missed at that instant
    [InlineData(1, false)]
    [Trait("Rule", "ORD-3")]
    public void ORD3_ShippedOnTime_BeforeTheDeadline_TimerCancelledAtShipment(int secondsLate, bool onTime)
    {
        var s = new OrderScenario();
        var paidAt = At(2026, 3, 4, 9, 5);
        s.PaidAndInvoiced("S1", paidAt);
        Assert.NotNull(s.Timer("S1", "dispatch"));

        var shipped = Require(s.Ship("S1", paidAt + Duration.FromDays(3) + Duration.FromSeconds(secondsLate)));
        Assert.Equal(onTime, Single<OrderShipped>(shipped).OnTime);
        Assert.Equal(onTime, s.Order("S1").ShippedOnTime);
        Assert.Null(s.Timer("S1", "dispatch"));
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    [Trait("Rule", "MER-3")]
    public async Task ORD3_AShipmentAtTheDeadlineInstant_IsLateAsItsTimerSaid()
    {
        // The dispatch-deadline timer fires at the deadline and counts it missed; a shipment recorded at that same
        // instant agrees (it was "on time" while the timer said "missed").
        var s = new OrderScenario();
        s.PaidAndInvoiced("D1", At(2026, 3, 4, 10, 0));
        var deadline = s.Order("D1").DispatchDeadline!.Value;
        await new EcomRules.Processing.TimerScheduler(s.Store, s.Engine).RunOnceAsync("t", deadline);

        Assert.Contains(s.Store.Outbox, m => m.Message.Event is DispatchDeadlineMissed);
        Assert.False(Single<OrderShipped>(Require(s.Ship("D1", deadline))).OnTime);
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public void ORD3_CancellingAPaidOrder_CancelsTheDispatchTimer()
    {
        var s = new OrderScenario();
        s.AdvanceTo("S2", OrderState.Paid);
        Assert.NotNull(s.Timer("S2", "dispatch"));
        Require(s.Cancel("S2", At(2026, 3, 4, 11, 0)));
        Assert.Null(s.Timer("S2", "dispatch"));
        Assert.Empty(s.Store.Timers);
    }

    [Fact]
    [Trait("Rule", "INV-1")]
    public void INV1_InvoiceMustCoverGoodsAndFreight()
    {
        var s = new OrderScenario();
        s.AdvanceTo("I1", OrderState.Confirmed);
        var requested = Single<InvoiceRequested>(Require(s.Allocate("I1", StandardInstant(OrderState.Allocated))));
        Assert.Equal((new Money(100m), new Money(12m)), (requested.Goods, requested.Freight));

        var goodsOnly = s.RequireRefusedBy(RuleIds.Inv1, "I1", () => s.Invoice("I1", StandardInstant(OrderState.Invoiced), new Money(100m)));
        Assert.Contains("112", goodsOnly.Reason, StringComparison.Ordinal);
        s.RequireRefusedBy(RuleIds.Inv1, "I1", () => s.Invoice("I1", StandardInstant(OrderState.Invoiced), new Money(112.01m)));

        var invoiced = Single<OrderInvoiced>(Require(s.Invoice("I1", StandardInstant(OrderState.Invoiced), new Money(112m))));
        Assert.Equal(new Money(112m), invoiced.Amount);
        Assert.Equal("INV-I1", s.Order("I1").InvoiceNumber);
    }

    [Fact]
    [Trait("Rule", "INV-1")]
    public void INV1_BusinessBuyer_InvoiceRequestCarriesTheCreditCode()
    {
        var s = new OrderScenario();
        s.AdvanceTo("I2", OrderState.Confirmed, BusinessBuyer());
        var requested = Single<InvoiceRequested>(Require(s.Allocate("I2", StandardInstant(OrderState.Allocated))));
        Assert.Equal("91440300708461136T", requested.BuyerTaxId);
        Assert.DoesNotContain("91440300708461136T", requested.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 3, 4, 14, 59, 2026, 3, 4)] // before 15:00 on a working day → that day
    [InlineData(2026, 3, 4, 15, 0, 2026, 3, 5)] // at or after 15:00 → next working day
    [InlineData(2026, 3, 7, 16, 0, 2026, 3, 9)] // Saturday afternoon → Monday
    [InlineData(2026, 3, 8, 10, 0, 2026, 3, 9)] // Sunday → Monday
    [InlineData(2026, 2, 20, 10, 0, 2026, 2, 24)] // Spring Festival → first working day after
    [Trait("Rule", "INV-2")]
    public void INV2_InvoiceBatchDate_FollowsThe1500Cutoff(int y, int m, int d, int h, int min, int ey, int em, int ed)
    {
        var s = new OrderScenario();
        var paidAt = At(y, m, d, h, min);
        var expected = new LocalDate(ey, em, ed);
        Assert.Equal(expected, Single<OrderPaid>(s.PlaceAndPay("B1", paidAt)).InvoiceBatchDate);
        Require(s.Confirm("B1", paidAt + Duration.FromMinutes(1)));
        Assert.Equal(expected, Single<InvoiceRequested>(Require(s.Allocate("B1", paidAt + Duration.FromMinutes(2)))).BatchDate);
    }

    [Theory]
    [InlineData("Zhejiang", 12, "sf,ems")]
    [InlineData("Xinjiang", 15, "ems,sf")] // SF charges 25 there: EMS is cheaper and preferred
    [InlineData("Tibet", 15, "ems,sf")]
    [Trait("Rule", "CAR-1")]
    [Trait("Rule", "CAR-2")]
    public void CAR1_FreightDefaultsToTheCheapestCarrier_CAR2_ShipmentListsCarriersPreferredFirst(string province, decimal freight, string carriers)
    {
        var s = new OrderScenario();
        s.AdvanceTo("F1", OrderState.Invoiced, PrivateBuyer(province));
        Assert.Equal(new Money(freight), Assert.Single(s.Events<OrderPlaced>()).Freight);
        Assert.Equal(new Money(freight), s.Order("F1").Freight);
        var requested = Assert.Single(s.Events<ShipmentRequested>());
        Assert.Equal(carriers, string.Join(",", requested.Carriers.Select(c => c.Value)));
        Assert.Equal("INV-F1", requested.InvoiceNumber);
    }

    [Fact]
    [Trait("Rule", "CAR-1")]
    public void CAR1_AFeeTableThatMissesAProvince_IsListedByPolicyValidation()
    {
        var fees = Province.All.Where(p => p != Province.Tibet).Aggregate(CarrierFeeTable.Empty, (t, p) => t.With(p, new Money(10m)));
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform);
        builder.Carriers = new CarrierPolicy([new CarrierTerms(new CarrierId("yto"), "YTO", fees)]);
        var invalid = Assert.Throws<EcomPolicyException>(builder.Build);
        var problem = Assert.Single(invalid.Problems);
        Assert.Contains("Tibet", problem, StringComparison.Ordinal);
        Assert.Contains("CAR-1", problem, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CAR-1")]
    public void CAR1_PerProvinceFees_WithoutADefault_SetTheFreight()
    {
        var fees = Province.All.Aggregate(CarrierFeeTable.Empty, (t, p) => t.With(p, new Money(8m)))
            .With(Province.Guangdong, new Money(6.5m)).With(Province.Xinjiang, new Money(30m));
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform);
        builder.Carriers = new CarrierPolicy([new CarrierTerms(new CarrierId("yto"), "YTO", fees)]);
        var s = new OrderScenario(builder.Build());

        Require(s.Place("G1", At(2026, 3, 4, 9, 0), BusinessBuyer("Guangdong")));
        Require(s.Place("X1", At(2026, 3, 4, 9, 0), PrivateBuyer("Xinjiang")));
        Require(s.Place("Z1", At(2026, 3, 4, 9, 0), PrivateBuyer("Zhejiang")));
        Assert.Equal([new Money(6.5m), new Money(30m), new Money(8m)], new[] { "G1", "X1", "Z1" }.Select(id => s.Order(id).Freight));
        Assert.Equal(new Money(106.5m), s.Order("G1").Total);
    }

    [Fact]
    [Trait("Rule", "CAR-1")]
    public void CAR1_AGivenFreight_OverridesTheFeeTable()
    {
        var s = new OrderScenario();
        Require(s.Execute(new PlaceOrder(s.NextId(), Customer, At(2026, 3, 4, 9, 0), new OrderId("G2"), PrivateBuyer(), Lines(("SKU-1", 1, 10m)), Money.Zero)));
        Assert.Equal(new Money(10m), s.Order("G2").Total);
    }

    [Fact]
    [Trait("Rule", "CAR-3")]
    public void CAR3_TrackingEvents_KeepShippedUntilSigned()
    {
        var s = new OrderScenario();
        s.AdvanceTo("K1", OrderState.Shipped);
        foreach (var kind in new[] { TrackingEventKind.InTransit, TrackingEventKind.OutForDelivery })
        {
            var tracked = Require(s.Track("K1", At(2026, 3, 5, 10, 0), kind));
            Assert.Equal(kind, Single<TrackingEventRecorded>(tracked).Kind);
            Assert.Equal(OrderState.Shipped, s.Order("K1").State);
            Assert.Equal(kind, s.Order("K1").LastTrackingEvent);
        }

        var signed = Require(s.Sign("K1", At(2026, 3, 6, 15, 0)));
        Assert.Equal(At(2026, 3, 22, 0, 0), Single<OrderReceived>(signed).ReturnWindowClosesAt);
        var order = s.Order("K1");
        Assert.Equal((OrderState.Received, TrackingEventKind.Signed), (order.State, order.LastTrackingEvent));
        var complete = s.Timer("K1", "complete");
        Assert.NotNull(complete);
        Assert.Equal(At(2026, 3, 22, 0, 0), complete.DueAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [Trait("Rule", "CAR-3")]
    public void CAR3_ShipmentWithoutTrackingNumber_IsRefused(string tracking)
    {
        var s = new OrderScenario();
        s.AdvanceTo("K2", OrderState.Invoiced);
        s.RequireRefusedBy(RuleIds.Car3, "K2", () => s.Ship("K2", StandardInstant(OrderState.Shipped), tracking));
        Assert.Equal(OrderState.Invoiced, s.Order("K2").State);
        Assert.NotNull(s.Timer("K2", "dispatch"));
    }

    [Fact]
    [Trait("Rule", "CAR-3")]
    public void CAR3_TrackingBeforeShipment_IsRefused()
    {
        var s = new OrderScenario();
        s.AdvanceTo("K3", OrderState.Invoiced);
        s.RequireRefusedBy(RuleIds.Ord1, "K3", () => s.Track("K3", At(2026, 3, 4, 11, 0), TrackingEventKind.InTransit));
    }

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_DispatchCutoffIsTheRoutedWarehouses()
    {
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.PartsDistributor);
        builder.Cutoffs = DispatchCutoffs.Create(builder.Calendar)
            .WithWarehouse(WarehouseId.Main, new LocalTime(15, 0))
            .WithWarehouse(WarehouseId.Central, new LocalTime(11, 0));
        var s = new OrderScenario(builder.Build());
        Assert.Equal(Wednesday.PlusDays(1), Single<OrderPaid>(s.PlaceAndPay("W1", At(2026, 3, 4, 11, 30), PrivateBuyer("Yunnan"))).DispatchDate);
        Assert.Equal(Wednesday, Single<OrderPaid>(s.PlaceAndPay("W2", At(2026, 3, 4, 11, 30), PrivateBuyer("Zhejiang"))).DispatchDate);
    }
}
