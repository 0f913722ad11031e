using NodaTime;

namespace EcomRules.Tests.Calendars;

/// <summary>Instants written as Asia/Shanghai wall-clock times.</summary>
internal static class Shanghai
{
    internal static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    internal static Instant At(int year, int month, int day, int hour, int minute, int second = 0)
        => new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Zone).ToInstant();

    internal static LocalDateTime Local(Instant instant) => instant.InZone(Zone).LocalDateTime;
}
