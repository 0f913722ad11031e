using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Tests.Calendars;

public sealed class PublicHolidayCalendarTests
{
    private static readonly PublicHolidayCalendar China = ChinaPublicHolidays.Default;

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void Default_Covers2025And2026_CitingTheStateCouncilNotices()
    {
        Assert.Equal(2025, China.FirstYear);
        Assert.Equal(2026, China.LastYear);
        Assert.Contains("国办发明电〔2024〕12号", China.GetYear(2025).Citation, StringComparison.Ordinal);
        Assert.Contains("国办发明电〔2025〕7号", China.GetYear(2026).Citation, StringComparison.Ordinal);
        Assert.Equal(28, China.GetYear(2025).DaysOff.Length);
        Assert.Equal(33, China.GetYear(2026).DaysOff.Length);
    }

    [Theory]
    [Trait("Rule", "DSP-1")]
    [InlineData("2025-01-26", IsoDayOfWeek.Sunday)]
    [InlineData("2025-02-08", IsoDayOfWeek.Saturday)]
    [InlineData("2025-04-27", IsoDayOfWeek.Sunday)]
    [InlineData("2025-09-28", IsoDayOfWeek.Sunday)]
    [InlineData("2025-10-11", IsoDayOfWeek.Saturday)]
    [InlineData("2026-01-04", IsoDayOfWeek.Sunday)]
    [InlineData("2026-02-14", IsoDayOfWeek.Saturday)]
    [InlineData("2026-02-28", IsoDayOfWeek.Saturday)]
    [InlineData("2026-05-09", IsoDayOfWeek.Saturday)]
    [InlineData("2026-09-20", IsoDayOfWeek.Sunday)]
    [InlineData("2026-10-10", IsoDayOfWeek.Saturday)]
    public void DSP1_MakeUpDays_AreWeekendDaysDeclaredWorking(string text, IsoDayOfWeek weekday)
    {
        var date = Parse(text);
        Assert.Equal(weekday, date.DayOfWeek);
        Assert.True(China.IsMakeUpWorkday(date));
        Assert.False(China.IsDayOff(date));
    }

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_SpringFestival2026_IsOffFrom15To23February()
    {
        for (var day = 15; day <= 23; day++)
        {
            Assert.True(China.IsDayOff(new LocalDate(2026, 2, day)));
        }

        Assert.False(China.IsDayOff(new LocalDate(2026, 2, 13)));
        Assert.False(China.IsDayOff(new LocalDate(2026, 2, 24)));
    }

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_Query2027_ThrowsNamingTheYearAndTheCoveredRange()
    {
        var ex = Assert.Throws<CalendarYearNotCoveredException>(() => China.IsDayOff(new LocalDate(2027, 1, 1)));
        Assert.Equal(2027, ex.Year);
        Assert.Equal(2025, ex.FirstCoveredYear);
        Assert.Equal(2026, ex.LastCoveredYear);
        Assert.Contains("2027", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025–2026", ex.Message, StringComparison.Ordinal);
        Assert.False(China.Covers(2027));
    }

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_Load2027FromUserData_ExtendsTheCalendar()
    {
        var year2027 = new PublicHolidayYear(2027, "user data: 2027 notice", [new LocalDate(2027, 1, 1)], [new LocalDate(2027, 1, 10)]);
        var extended = China.WithYear(year2027);

        Assert.True(extended.Covers(2027));
        Assert.True(extended.IsDayOff(new LocalDate(2027, 1, 1)));
        Assert.True(extended.IsMakeUpWorkday(new LocalDate(2027, 1, 10)));
        Assert.False(China.Covers(2027)); // the default is unchanged

        var calendar = WorkingCalendar.Create(MerchantSchedule.Default, extended);
        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 1, 10))); // a Sunday made a working day
        Assert.Equal(new LocalDate(2027, 1, 2), calendar.NextWorkingDay(new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void PublicHolidayYear_RefusesAMakeUpDayThatIsAlsoADayOff()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PublicHolidayYear(2027, "n", [new LocalDate(2027, 2, 6)], [new LocalDate(2027, 2, 6)]));
        Assert.Contains("both as a day off and as a make-up", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicHolidayYear_RefusesADateOfAnotherYear()
        => Assert.Throws<ArgumentException>(() => new PublicHolidayYear(2027, "n", [new LocalDate(2028, 1, 1)], []));

    [Fact]
    public void WithYear_RefusesAGap()
        => Assert.Throws<ArgumentException>(() => China.WithYear(new PublicHolidayYear(2028, "n", [], [])));

    private static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
