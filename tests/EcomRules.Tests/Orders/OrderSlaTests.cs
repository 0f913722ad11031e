using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Sla;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Orders;

/// <summary>SLA-1..5: started and stopped at the right step, breach timers scheduled and cancelled, met or breached on
/// working time (08:30–12:00, 14:00–18:00).</summary>
public sealed class OrderSlaTests
{
    private static Instant? Due(OrderScenario s, string id, string sla) => s.Timer(id, sla)?.DueAt;

    private static SlaClosed Closed(Decision decision, string sla) => Assert.Single(decision.Events.OfType<SlaClosed>(), e => e.SlaId == sla);

    [Fact]
    [Trait("Rule", "SLA-1")]
    [Trait("Rule", "SLA-2")]
    [Trait("Rule", "SLA-3")]
    public void SLA1to3_StartAtPayment_WithBreachTimersOnWorkingTime()
    {
        var s = new OrderScenario();
        Require(s.Place("L1", At(2026, 3, 4, 11, 0)));
        Assert.Empty(s.Store.Timers);
        Assert.Empty(s.Order("L1").Slas);

        Require(s.Pay("L1", At(2026, 3, 4, 11, 50)));
        Assert.Equal(At(2026, 3, 4, 14, 5), Due(s, "L1", "SLA-1")); // 10 min before lunch + 5 after
        Assert.Equal(At(2026, 3, 4, 14, 20), Due(s, "L1", "SLA-2"));
        Assert.Equal(At(2026, 3, 4, 14, 50), Due(s, "L1", "SLA-3"));
        Assert.All(new[] { "SLA-1", "SLA-2", "SLA-3" }, id => Assert.Equal(SlaTimerPhase.Running, s.Order("L1").Sla(id)!.Phase));
        Assert.Equal(SlaSchedule.BreachTimerKind, s.Timer("L1", "SLA-1")!.Kind);
        Assert.Null(s.Order("L1").Sla("SLA-4"));
    }

    [Theory]
    [InlineData(14, 20, SlaState.Met)]
    [InlineData(14, 21, SlaState.Breached)]
    [Trait("Rule", "SLA-2")]
    public void SLA2_StopsAtConfirmation_MetWithin30WorkingMinutes(int hour, int minute, SlaState outcome)
    {
        var s = new OrderScenario();
        s.PlaceAndPay("L2", At(2026, 3, 4, 11, 50));
        var confirmed = Require(s.Confirm("L2", At(2026, 3, 4, hour, minute)));
        Assert.Equal(outcome, Closed(confirmed, "SLA-2").Outcome);
        Assert.Equal(SlaState.Breached, Closed(confirmed, "SLA-1").Outcome);
        Assert.Equal(2, confirmed.Events.OfType<SlaClosed>().Count());
        Assert.Null(s.Timer("L2", "SLA-1"));
        Assert.Null(s.Timer("L2", "SLA-2"));
        Assert.NotNull(s.Timer("L2", "SLA-3"));
        Assert.Equal(SlaTimerPhase.Stopped, s.Order("L2").Sla("SLA-2")!.Phase);
    }

    [Theory]
    [InlineData(14, 30, SlaState.Met)] // 30 working minutes before lunch + 30 after = 1 working hour
    [InlineData(14, 31, SlaState.Breached)]
    [Trait("Rule", "SLA-3")]
    [Trait("Rule", "SLA-4")]
    public void SLA3_StopsAtAllocation_SLA4StartsThen(int hour, int minute, SlaState outcome)
    {
        var s = new OrderScenario();
        s.PlaceAndPay("L3", At(2026, 3, 4, 11, 30));
        Require(s.Confirm("L3", At(2026, 3, 4, 11, 35)));
        var allocated = Require(s.Allocate("L3", At(2026, 3, 4, hour, minute)));
        Assert.Equal(outcome, Closed(allocated, "SLA-3").Outcome);
        Assert.Null(s.Timer("L3", "SLA-3"));
        Assert.Equal(At(2026, 3, 4, hour + 1, minute), Due(s, "L3", "SLA-4"));
        Assert.Equal(SlaTimerPhase.Running, s.Order("L3").Sla("SLA-4")!.Phase);
    }

    [Theory]
    [InlineData(12, 0, SlaState.Met)] // allocated 11:00: 60 working minutes → exactly the deadline 12:00
    [InlineData(14, 1, SlaState.Breached)] // lunch does not count, 14:01 is one minute late
    [Trait("Rule", "SLA-4")]
    [Trait("Rule", "SLA-5")]
    public void SLA4_StopsAtShipment_SLA5StartsThen(int hour, int minute, SlaState outcome)
    {
        var s = new OrderScenario();
        s.PlaceAndPay("L4", At(2026, 3, 4, 10, 0));
        Require(s.Confirm("L4", At(2026, 3, 4, 10, 10)));
        Require(s.Allocate("L4", At(2026, 3, 4, 11, 0)));
        Require(s.Invoice("L4", At(2026, 3, 4, 11, 10)));
        var shipped = Require(s.Ship("L4", At(2026, 3, 4, hour, minute)));
        Assert.Equal(outcome, Closed(shipped, "SLA-4").Outcome);
        Assert.Null(s.Timer("L4", "SLA-4"));
        Assert.Equal(At(2026, 3, 5, 9, 0), Due(s, "L4", "SLA-5")); // 09:00 the next working day
    }

    [Theory]
    [InlineData(9, 0, SlaState.Met)]
    [InlineData(9, 1, SlaState.Breached)]
    [Trait("Rule", "SLA-5")]
    public void SLA5_LogisticsReportedBy0900NextWorkingDay(int hour, int minute, SlaState outcome)
    {
        var s = new OrderScenario();
        s.PaidAndInvoiced("L5", At(2026, 3, 7, 15, 0)); // Saturday
        Require(s.Ship("L5", At(2026, 3, 7, 17, 0)));
        Assert.Equal(At(2026, 3, 9, 9, 0), Due(s, "L5", "SLA-5")); // Sunday is rest: Monday 09:00

        var reported = Require(s.ReportLogistics("L5", At(2026, 3, 9, hour, minute)));
        Assert.Equal(outcome, Closed(reported, "SLA-5").Outcome);
        Assert.Null(s.Timer("L5", "SLA-5"));
        Assert.Equal(OrderState.Shipped, s.Order("L5").State);
        Assert.All(s.Order("L5").Slas, t => Assert.Equal(SlaTimerPhase.Stopped, t.Phase));
        Assert.Equal(["SLA-1", "SLA-2", "SLA-3", "SLA-4", "SLA-5"], s.Order("L5").Slas.Select(t => t.Definition.Id));
    }

    [Fact]
    [Trait("Rule", "SLA-5")]
    public void SLA5_ReportingTwice_ClosesOnce()
    {
        var s = new OrderScenario();
        s.AdvanceTo("L6", OrderState.Shipped);
        Assert.Single(Require(s.ReportLogistics("L6", At(2026, 3, 4, 16, 0))).Events.OfType<SlaClosed>());
        Assert.Empty(Require(s.ReportLogistics("L6", At(2026, 3, 4, 16, 5))).Events);
    }

    [Theory]
    [InlineData(OrderState.Paid, 3)]
    [InlineData(OrderState.Confirmed, 1)]
    [InlineData(OrderState.Allocated, 1)]
    [InlineData(OrderState.Shipped, 1)]
    [Trait("Rule", "SLA-1")]
    [Trait("Rule", "SLA-4")]
    public void SLA_CancelCancelsOpenSlasAndTheirTimers(OrderState state, int open)
    {
        var s = new OrderScenario();
        s.AdvanceTo("L7", state);
        Assert.Equal(open, s.Order("L7").Slas.Count(t => t.Phase == SlaTimerPhase.Running));
        Require(s.Cancel("L7", StandardInstant(state) + Duration.FromMinutes(1)));
        Assert.Empty(s.Store.Timers);
        Assert.DoesNotContain(s.Order("L7").Slas, t => t.Phase == SlaTimerPhase.Running);
        Assert.Equal(open, s.Order("L7").Slas.Count(t => t.Phase == SlaTimerPhase.Cancelled));
    }
}
