using EcomRules.Calendars;
using EcomRules.Inventory;
using NodaTime;
using static EcomRules.Tests.Calendars.Shanghai;

namespace EcomRules.Tests.Calendars;

public sealed class DispatchTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static readonly DispatchCutoffs Cutoffs = DispatchCutoffs.Create(Calendar)
        .WithWarehouse(WarehouseId.Main, DispatchCutoffs.PartsDistributorCutoff)
        .WithWarehouse(WarehouseId.Central, DispatchCutoffs.RetailCutoff);

    [Fact]
    [Trait("Rule", "DSP-2")]
    public void DSP2_PaidAt145959_ShipsToday_PaidAt150000_ShipsNextWorkingDay()
    {
        Assert.Equal(new LocalDate(2026, 3, 2), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 2, 14, 59, 59)));
        Assert.Equal(new LocalDate(2026, 3, 3), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 2, 15, 0, 0)));
    }

    [Fact]
    [Trait("Rule", "DSP-2")]
    public void DSP2_SaturdayEveningOrder_ShipsMonday()
        => Assert.Equal(new LocalDate(2026, 3, 9), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 7, 20, 30)));

    [Fact]
    [Trait("Rule", "DSP-2")]
    public void DSP2_PaidOnMakeUpSaturdayBeforeSpringFestival_AfterCutoff_ShipsAfterTheHoliday()
    {
        Assert.Equal(new LocalDate(2026, 2, 14), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 2, 14, 10, 0)));
        Assert.Equal(new LocalDate(2026, 2, 24), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 2, 14, 16, 0)));
        Assert.Equal(new LocalDate(2026, 2, 24), Cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 2, 17, 9, 0)));
    }

    [Fact]
    [Trait("Rule", "DSP-3")]
    public void DSP3_RetailProfile_CutsOffAt1700()
    {
        Assert.Equal(new LocalDate(2026, 3, 2), Cutoffs.NextDispatchDate(WarehouseId.Central, At(2026, 3, 2, 16, 59)));
        Assert.Equal(new LocalDate(2026, 3, 3), Cutoffs.NextDispatchDate(WarehouseId.Central, At(2026, 3, 2, 17, 0)));
        Assert.Equal(new LocalTime(17, 0), Cutoffs.CutoffOn(WarehouseId.Central, new LocalDate(2026, 1, 4))); // make-up Sunday
        Assert.Null(Cutoffs.CutoffOn(WarehouseId.Central, new LocalDate(2026, 3, 1)));
    }

    [Fact]
    [Trait("Rule", "DSP-2")]
    public void DSP2_WeekdayAndDateExceptions_Override()
    {
        var cutoffs = Cutoffs
            .WithWeekday(WarehouseId.Main, IsoDayOfWeek.Saturday, new LocalTime(11, 0))
            .WithDate(WarehouseId.Main, new LocalDate(2026, 3, 2), new LocalTime(10, 0));
        Assert.Equal(new LocalDate(2026, 3, 9), cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 7, 11, 0)));
        Assert.Equal(new LocalDate(2026, 3, 3), cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 2, 10, 30)));
        Assert.Equal(new LocalDate(2026, 3, 9), cutoffs.NextDispatchDate(WarehouseId.Main, At(2026, 3, 9, 10, 30)));
    }

    [Theory]
    [Trait("Rule", "DSP-2")]
    [InlineData(13, 0)]
    [InlineData(19, 0)]
    [InlineData(7, 0)]
    public void DSP2_CutoffOutsideWorkingHours_IsRefused(int hour, int minute)
    {
        var ex = Assert.Throws<CutoffOutsideWorkingHoursException>(() => DispatchCutoffs.Create(Calendar).WithWarehouse(WarehouseId.Main, new LocalTime(hour, minute)));
        Assert.Equal(WarehouseId.Main, ex.Warehouse);
        Assert.Contains("outside that day's working hours", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "DSP-2")]
    public void DSP2_DateCutoffOnADayWithoutWork_IsRefused()
        => Assert.Throws<CutoffOutsideWorkingHoursException>(() => Cutoffs.WithDate(WarehouseId.Main, new LocalDate(2026, 2, 17), new LocalTime(15, 0)));

    [Theory]
    [Trait("Rule", "DSP-2")]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)] // the day closes at 12:00, before the usual 15:00 cut-off
    [InlineData(13, 0, false)]
    public void DSP2_ADayOpenedSpeciallyForFewerHours_TakesSameDayOrdersOnlyWhileOpen(int hour, int minute, bool sameDay)
    {
        var sunday = new LocalDate(2026, 3, 8);
        var calendar = WorkingCalendar.Create(MerchantSchedule.Default.WithOpening(sunday, WorkingHours.Of((9, 0, 12, 0))), ChinaPublicHolidays.Default);
        var cutoffs = DispatchCutoffs.Create(calendar).WithWarehouse(WarehouseId.Main, DispatchCutoffs.PartsDistributorCutoff);

        Assert.Equal(new LocalTime(12, 0), cutoffs.CutoffOn(WarehouseId.Main, sunday));
        Assert.Equal(sameDay, cutoffs.NextDispatchDate(WarehouseId.Main, calendar.InstantOf(sunday, new LocalTime(hour, minute))) == sunday);
        Assert.Equal(DispatchCutoffs.PartsDistributorCutoff, cutoffs.CutoffOn(WarehouseId.Main, sunday.PlusDays(1))); // an ordinary Monday keeps 15:00
    }

    [Fact]
    public void UnknownWarehouse_IsRefused()
        => Assert.Throws<ArgumentException>(() => Cutoffs.NextDispatchDate(new WarehouseId("north"), At(2026, 3, 2, 10, 0)));

    [Theory]
    [Trait("Rule", "DSP-5")]
    [InlineData(2026, 3, 2, 16, 0, 2026, 3, 3, 12, 0)]   // after 15:00 → 12:00 next working day
    [InlineData(2026, 3, 3, 11, 59, 2026, 3, 3, 12, 0)]  // before 12:00 → 12:00 today
    [InlineData(2026, 3, 3, 12, 0, 2026, 3, 3, 15, 0)]   // 12:00–15:00 → 15:00 today
    [InlineData(2026, 3, 3, 14, 59, 2026, 3, 3, 15, 0)]
    [InlineData(2026, 3, 3, 15, 0, 2026, 3, 4, 12, 0)]
    [InlineData(2026, 3, 7, 20, 0, 2026, 3, 9, 12, 0)]   // Saturday evening → Monday 12:00
    [InlineData(2026, 3, 8, 10, 0, 2026, 3, 9, 12, 0)]   // Sunday → Monday 12:00
    [InlineData(2026, 2, 14, 15, 30, 2026, 2, 24, 12, 0)] // make-up Saturday before Spring Festival
    public void DSP5_DispatchBatches(int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        var expected = At(ey, emo, ed, eh, emi);
        Assert.Equal(expected, DispatchBatch.Default.DueFor(At(y, mo, d, h, mi), Calendar));
        Assert.Equal(expected, Deadline.Batch().DueFrom(At(y, mo, d, h, mi), Calendar));
    }

    [Fact]
    [Trait("Rule", "DSP-5")]
    public void DSP5_BatchTimesMustBeOrdered()
        => Assert.Throws<ArgumentException>(() => new DispatchBatch(new LocalTime(15, 0), new LocalTime(12, 0)));

    [Fact]
    [Trait("Rule", "ORD-3")]
    public void ORD3_ThreeCalendarDaysAfterPayment_ByDefault()
    {
        Assert.Equal(3, DispatchDeadlinePolicy.Default.Days);
        Assert.Equal(DispatchDayCount.CalendarDays, DispatchDeadlinePolicy.Default.Count);
        Assert.Equal(At(2026, 2, 16, 10, 0), DispatchDeadlinePolicy.Default.DueFrom(At(2026, 2, 13, 10, 0), Calendar));
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public void ORD3_ThreeWorkingDaysAfterPayment_SkipsTheSpringFestival()
    {
        var policy = new DispatchDeadlinePolicy(3, DispatchDayCount.WorkingDays);
        // Thu 12 Feb 2026 → Fri 13, make-up Sat 14, then Tue 24 (15–23 off): due at the end of 24 Feb.
        Assert.Equal(At(2026, 2, 24, 18, 0), policy.DueFrom(At(2026, 2, 12, 10, 0), Calendar));
    }

    [Fact]
    [Trait("Rule", "ORD-3")]
    public void ORD3_BadPolicy_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DispatchDeadlinePolicy(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DispatchDeadlinePolicy(3, (DispatchDayCount)9));
    }

    [Fact]
    public void Deadlines_ElapsedWorkingRelative()
    {
        var saturdayEvening = At(2026, 3, 7, 20, 0);
        Assert.Equal(At(2026, 3, 8, 20, 0), Deadline.Elapsed(Duration.FromHours(24)).DueFrom(saturdayEvening, Calendar));
        Assert.Equal(At(2026, 3, 9, 8, 45), Deadline.WorkingTime(Duration.FromMinutes(15)).DueFrom(saturdayEvening, Calendar));
        Assert.Equal(At(2026, 3, 11, 18, 0), Deadline.WorkingDays(3).DueFrom(saturdayEvening, Calendar));
        Assert.Equal(At(2026, 3, 9, 9, 0), Deadline.NextWorkingDayAt(new LocalTime(9, 0)).DueFrom(saturdayEvening, Calendar));
        Assert.Equal(At(2026, 3, 9, 18, 0), Deadline.EndOfWorkingDay.DueFrom(saturdayEvening, Calendar));
        Assert.Equal(At(2026, 3, 7, 18, 0), Deadline.EndOfWorkingDay.DueFrom(At(2026, 3, 7, 9, 0), Calendar));
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.Elapsed(Duration.FromHours(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.WorkingDays(0));
    }
}
