using EcomRules.Calendars;
using EcomRules.Sla;
using NodaTime;
using static EcomRules.Tests.Calendars.Shanghai;

namespace EcomRules.Tests.Sla;

public sealed class SlaDefinitionsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static Instant Breach(SlaDefinition sla, Instant start) => SlaTimer.Start(sla, start).Evaluate(start, Calendar).CurrentBreachAt!.Value;

    [Fact]
    [Trait("Rule", "SLA-1")]
    public void SLA1_CustomerMatchedIn15WorkingMinutes_AcrossLunch()
    {
        Assert.Equal(RuleIds.Sla1, SlaDefinitions.CustomerMatched.RuleId);
        Assert.Equal(At(2026, 3, 2, 14, 5), Breach(SlaDefinitions.CustomerMatched, At(2026, 3, 2, 11, 50)));
    }

    [Fact]
    [Trait("Rule", "SLA-2")]
    public void SLA2_SalesOrderEnteredIn30WorkingMinutes_OvernightOrder()
        => Assert.Equal(At(2026, 3, 3, 9, 0), Breach(SlaDefinitions.SalesOrderEntered, At(2026, 3, 2, 22, 0)));

    [Fact]
    [Trait("Rule", "SLA-3")]
    public void SLA3_DeliveryNoteIn1WorkingHour()
        => Assert.Equal(At(2026, 3, 3, 8, 45), Breach(SlaDefinitions.DeliveryNoteGenerated, At(2026, 3, 2, 17, 15)));

    [Fact]
    [Trait("Rule", "SLA-4")]
    public void SLA4_HandedToCarrierIn1WorkingHour_SaturdayEveningWaitsForMonday()
        => Assert.Equal(At(2026, 3, 9, 9, 30), Breach(SlaDefinitions.HandedToCarrier, At(2026, 3, 7, 19, 0)));

    [Fact]
    [Trait("Rule", "SLA-5")]
    public void SLA5_LogisticsDetailsBy0900NextWorkingDay()
    {
        Assert.Equal(At(2026, 3, 9, 9, 0), Breach(SlaDefinitions.LogisticsDetailsReported, At(2026, 3, 7, 16, 0)));
        Assert.Equal(At(2026, 2, 14, 9, 0), Breach(SlaDefinitions.LogisticsDetailsReported, At(2026, 2, 13, 16, 0))); // make-up Saturday
        Assert.Equal(At(2026, 1, 4, 9, 0), Breach(SlaDefinitions.LogisticsDetailsReported, At(2025, 12, 31, 16, 0))); // make-up Sunday after New Year
    }

    [Fact]
    [Trait("Rule", "SLA-6")]
    public void SLA6_AfterSales24ElapsedHours_48InSpecialCases_WorkingByOption()
    {
        var start = At(2026, 3, 7, 10, 0);
        Assert.Equal(SlaTimeBasis.ElapsedTime, SlaDefinitions.AfterSalesAnswered.Basis);
        Assert.Equal(At(2026, 3, 8, 10, 0), Breach(SlaDefinitions.AfterSalesAnswered, start));
        Assert.Equal(At(2026, 3, 9, 10, 0), Breach(SlaDefinitions.AfterSales(specialCase: true), start));
        // 24 working hours = 3.2 working days: Sat 10:00 → 6 h left Sat, 7.5 Mon, 7.5 Tue, 3 h Wed → Wed 11:30.
        Assert.Equal(At(2026, 3, 11, 11, 30), Breach(SlaDefinitions.AfterSales(basis: SlaTimeBasis.WorkingTime), start));
    }

    [Fact]
    [Trait("Rule", "SLA-7")]
    public void SLA7_ReturnConfirmedTheSameWorkingDay()
    {
        Assert.Equal(At(2026, 3, 2, 18, 0), Breach(SlaDefinitions.ReturnConfirmed, At(2026, 3, 2, 9, 0)));
        Assert.Equal(At(2026, 3, 3, 18, 0), Breach(SlaDefinitions.ReturnConfirmed, At(2026, 3, 2, 19, 0)));
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_AllDefinitions_CarryTheirRuleAndDefaultWarnings()
    {
        Assert.Equal(["SLA-1", "SLA-2", "SLA-3", "SLA-4", "SLA-5", "SLA-6", "SLA-7"], SlaDefinitions.All.Select(s => s.Id));
        Assert.All(SlaDefinitions.All, s => Assert.Equal(s.Id, s.RuleId.Value));
        Assert.All(SlaDefinitions.All, s => Assert.Equal([0.5m, 0.75m], s.WarningThresholds.ToArray()));
    }

    [Theory]
    [Trait("Rule", "SLA-8")]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void SLA8_WarningThresholds_MustBeBetween0And1(double threshold)
        => Assert.Throws<ArgumentException>(() => SlaDefinitions.CustomerMatched.WithWarningThresholds((decimal)threshold));

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_WarningThresholds_MustAscend()
        => Assert.Throws<ArgumentException>(() => SlaDefinitions.CustomerMatched.WithWarningThresholds(0.75m, 0.5m));

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_WarningThresholds_AreExactFractions()
    {
        // 0.1 + 0.2 is not 0.3 in double; thresholds are decimals, so a policy's 30 % is exactly 0.3 of the goal.
        var definition = SlaDefinitions.DeliveryNoteGenerated.WithWarningThresholds(0.1m + 0.2m);
        Assert.Equal(0.3m, Assert.Single(definition.WarningThresholds));
        var status = SlaTimer.Start(definition, At(2026, 3, 2, 9, 0)).Evaluate(At(2026, 3, 2, 9, 18), WorkingCalendar.Default);
        Assert.Equal(new SlaWarning(0.3m, At(2026, 3, 2, 9, 18), true), Assert.Single(status.Warnings));
    }
}
