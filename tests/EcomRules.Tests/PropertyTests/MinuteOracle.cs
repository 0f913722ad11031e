using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// A deliberately slow, independent model of the default calendar: minute by minute, from the rules themselves
/// (DSP-1: Monday–Saturday plus make-up days, minus holidays; DSP-4: 08:30–12:00 and 14:00–18:00).
/// </summary>
internal static class MinuteOracle
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly PublicHolidayYear[] Years = [ChinaPublicHolidays.Year2025, ChinaPublicHolidays.Year2026];

    internal static bool IsWorkingMinute(Instant minuteStart)
    {
        var local = minuteStart.InZone(Zone).LocalDateTime;
        var year = Years.Single(y => y.Year == local.Year);
        var workingDay = year.IsMakeUpWorkday(local.Date) || (!year.IsDayOff(local.Date) && local.DayOfWeek != IsoDayOfWeek.Sunday);
        var minute = (local.Hour * 60) + local.Minute;
        return workingDay && ((minute >= 510 && minute < 720) || (minute >= 840 && minute < 1080));
    }

    /// <summary>Working minutes in [start, end), both on whole minutes.</summary>
    internal static long WorkingMinutesBetween(Instant start, Instant end)
    {
        long count = 0;
        for (var t = start; t < end; t += Duration.FromMinutes(1))
        {
            if (IsWorkingMinute(t))
            {
                count++;
            }
        }

        return count;
    }
}
