using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Tests.Calendars;

public sealed class MerchantScheduleTests
{
    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_Default_IsMondayToSaturday0830To1200And1400To1800InShanghai()
    {
        var schedule = MerchantSchedule.Default;
        Assert.Equal("Asia/Shanghai", schedule.Zone.Id);
        Assert.Equal("08:30–12:00, 14:00–18:00", schedule.HoursOf(IsoDayOfWeek.Monday).ToString());
        Assert.Equal(WorkingHours.Standard, schedule.HoursOf(IsoDayOfWeek.Saturday));
        Assert.True(schedule.HoursOf(IsoDayOfWeek.Sunday).IsClosed);
        Assert.True(schedule.WorksMakeUpDays);
        Assert.Equal(WorkingHours.Standard, schedule.MakeUpDayHours);
    }

    [Fact]
    public void OverlappingIntervals_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkingHours.Of((8, 30, 12, 0), (11, 0, 18, 0)));
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntervalEndingBeforeItStarts_IsRefused()
        => Assert.Contains("ends before it starts", Assert.Throws<ArgumentException>(() => WorkingHours.Of((14, 0, 14, 0))).Message, StringComparison.Ordinal);

    [Fact]
    public void IntervalRunningPastMidnight_IsRefused()
        => Assert.Contains("past midnight", Assert.Throws<ArgumentException>(() => new WorkingInterval(new LocalTime(22, 0), new LocalTime(2, 0))).Message, StringComparison.Ordinal);

    [Fact]
    public void UnknownZone_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => MerchantSchedule.Default.WithZone("Asia/Beijing"));
        Assert.Contains("Asia/Beijing", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Asia/Urumqi", MerchantSchedule.Default.WithZone("Asia/Urumqi").Zone.Id);
    }

    [Fact]
    public void Schedule_IsImmutable()
    {
        var changed = MerchantSchedule.Default.WithClosure(new LocalDate(2026, 3, 3));
        Assert.Empty(MerchantSchedule.Default.Closures);
        Assert.Single(changed.Closures);
        Assert.Empty(changed.WithOpening(new LocalDate(2026, 3, 3), WorkingHours.Standard).Closures);
    }
}
