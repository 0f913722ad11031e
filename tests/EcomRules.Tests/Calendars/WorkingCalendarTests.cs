using EcomRules.Calendars;
using NodaTime;
using static EcomRules.Tests.Calendars.Shanghai;

namespace EcomRules.Tests.Calendars;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    [Theory]
    [Trait("Rule", "DSP-1")]
    [InlineData(2026, 3, 7, true)]   // ordinary Saturday
    [InlineData(2026, 3, 8, false)]  // ordinary Sunday
    [InlineData(2026, 2, 14, true)]  // make-up Saturday before the Spring Festival
    [InlineData(2026, 1, 4, true)]   // make-up Sunday
    [InlineData(2026, 9, 20, true)]  // make-up Sunday
    [InlineData(2026, 2, 16, false)] // Spring Festival Monday
    [InlineData(2025, 10, 8, false)] // National Day + Mid-Autumn
    public void DSP1_WorkingDays_MondayToSaturdayWithHolidaysAndMakeUpDays(int y, int m, int d, bool working)
        => Assert.Equal(working, Calendar.IsWorkingDay(new LocalDate(y, m, d)));

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_SpringFestivalWeek2026_SkipsFromMakeUpSaturdayToTuesday24()
    {
        Assert.Equal(new LocalDate(2026, 2, 14), Calendar.NextWorkingDay(new LocalDate(2026, 2, 13)));
        Assert.Equal(new LocalDate(2026, 2, 24), Calendar.NextWorkingDay(new LocalDate(2026, 2, 14)));
        Assert.Equal(new LocalDate(2026, 2, 24), Calendar.AddWorkingDays(new LocalDate(2026, 2, 13), 2));
        Assert.Equal(new LocalDate(2026, 2, 14), Calendar.PreviousWorkingDay(new LocalDate(2026, 2, 24)));
        Assert.Equal(new LocalDate(2026, 2, 24), Calendar.AddWorkingDays(new LocalDate(2026, 2, 18), 0));
        Assert.Equal(Duration.FromHours(7.5), Calendar.WorkingTimeBetween(At(2026, 2, 14, 18, 0), At(2026, 2, 24, 18, 0)));
    }

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_LunchBreak_IsNotWorkingTime()
    {
        Assert.True(Calendar.IsWorkingInstant(At(2026, 3, 2, 11, 59, 59)));
        Assert.False(Calendar.IsWorkingInstant(At(2026, 3, 2, 12, 0)));
        Assert.False(Calendar.IsWorkingInstant(At(2026, 3, 2, 13, 30)));
        Assert.True(Calendar.IsWorkingInstant(At(2026, 3, 2, 14, 0)));
        Assert.Equal(Duration.FromHours(2), Calendar.WorkingTimeBetween(At(2026, 3, 2, 11, 0), At(2026, 3, 2, 15, 0)));
        Assert.Equal(At(2026, 3, 2, 14, 0), Calendar.NextWorkingInstant(At(2026, 3, 2, 12, 30)));
    }

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_AddWorkingTime_JumpsTheLunchBreak_AndStopsAtAnIntervalEnd()
    {
        Assert.Equal(At(2026, 3, 2, 14, 5), Calendar.AddWorkingTime(At(2026, 3, 2, 11, 50), Duration.FromMinutes(15)));
        Assert.Equal(At(2026, 3, 2, 12, 0), Calendar.AddWorkingTime(At(2026, 3, 2, 11, 45), Duration.FromMinutes(15)));
        Assert.Equal(At(2026, 3, 3, 8, 45), Calendar.AddWorkingTime(At(2026, 3, 2, 20, 0), Duration.FromMinutes(15)));
    }

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_WorkingDayIsSevenAndAHalfHours()
    {
        Assert.Equal(Duration.FromHours(7.5), Calendar.HoursOn(new LocalDate(2026, 3, 2)).Total);
        Assert.Equal(At(2026, 3, 2, 8, 30), Calendar.StartOfWorkingDay(new LocalDate(2026, 3, 2)));
        Assert.Equal(At(2026, 3, 2, 18, 0), Calendar.EndOfWorkingDay(new LocalDate(2026, 3, 2)));
        Assert.Throws<ArgumentException>(() => Calendar.EndOfWorkingDay(new LocalDate(2026, 3, 1)));
    }

    [Fact]
    public void AddingZeroToANonWorkingInstant_GivesTheNextWorkingInstant()
    {
        Assert.Equal(At(2026, 3, 2, 8, 30), Calendar.AddWorkingTime(At(2026, 3, 1, 10, 0), Duration.Zero));
        Assert.Equal(At(2026, 3, 2, 9, 0), Calendar.AddWorkingTime(At(2026, 3, 2, 9, 0), Duration.Zero));
    }

    [Fact]
    public void BadArguments_ThrowTypedExceptions()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calendar.WorkingTimeBetween(At(2026, 3, 2, 10, 0), At(2026, 3, 2, 9, 0)));
        Assert.Contains("before the start", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(At(2026, 3, 2, 10, 0), Duration.FromMinutes(-1)));
    }

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_QueriesOutsideTheCoveredYears_Throw()
    {
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.IsWorkingDay(new LocalDate(2027, 3, 1))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.IsWorkingInstant(At(2027, 3, 1, 10, 0))).Year);
        Assert.Equal(2024, Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.WorkingTimeBetween(At(2024, 12, 31, 10, 0), At(2025, 1, 2, 10, 0))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.AddWorkingTime(At(2026, 12, 31, 17, 0), Duration.FromHours(2))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => Calendar.NextWorkingDay(new LocalDate(2026, 12, 31))).Year);
    }

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_MakeUpDaysCanBeLeftUnworked()
    {
        var calendar = WorkingCalendar.Create(MerchantSchedule.Default.WithMakeUpDays(false), ChinaPublicHolidays.Default);
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 1, 4)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 2, 14))); // still an ordinary working Saturday
    }

    [Fact]
    public void ExtraClosuresAndOpenings_Apply()
    {
        var schedule = MerchantSchedule.Default
            .WithClosure(new LocalDate(2026, 3, 3))
            .WithOpening(new LocalDate(2026, 3, 8), WorkingHours.Of((9, 0, 12, 0)));
        var calendar = WorkingCalendar.Create(schedule, ChinaPublicHolidays.Default);
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 3, 3)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 3, 8)));
        Assert.Equal(Duration.FromHours(3), calendar.WorkingTimeBetween(At(2026, 3, 8, 0, 0), At(2026, 3, 9, 0, 0)));
    }

    [Fact]
    public void SaturdayHoursCanDiffer()
    {
        var schedule = MerchantSchedule.Default.WithHours(IsoDayOfWeek.Saturday, WorkingHours.Of((9, 0, 12, 0)));
        var calendar = WorkingCalendar.Create(schedule, ChinaPublicHolidays.Default);
        Assert.Equal(At(2026, 3, 9, 8, 30), calendar.NextWorkingInstant(At(2026, 3, 7, 13, 0)));
    }
}
