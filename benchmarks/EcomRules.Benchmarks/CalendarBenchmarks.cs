using BenchmarkDotNet.Attributes;
using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Benchmarks;

/// <summary>
/// Working time over a 30-day span (DSP-4): the precomputed <see cref="WorkingCalendar"/> against the naive
/// minute-by-minute loop a calendar without prefix sums would run.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly WorkingCalendar _calendar = WorkingCalendar.Default;
    private readonly Instant _start = new LocalDateTime(2026, 2, 3, 10, 17).InZoneStrictly(Zone).ToInstant();
    private readonly Instant _end = new LocalDateTime(2026, 3, 5, 16, 41).InZoneStrictly(Zone).ToInstant();
    private readonly Duration _workingMinutes = Duration.FromMinutes(20 * 450); // about 30 calendar days

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.Ci)]
    public Duration NaiveWorkingTimeBetween()
    {
        var minutes = 0L;
        for (var t = _start; t < _end; t += Duration.FromMinutes(1))
        {
            if (IsWorkingMinute(t))
            {
                minutes++;
            }
        }

        return Duration.FromMinutes(minutes);
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    public Instant NaiveAddWorkingMinutes()
    {
        var left = (long)_workingMinutes.TotalMinutes;
        var t = _start;
        while (left > 0)
        {
            if (IsWorkingMinute(t))
            {
                left--;
            }

            t += Duration.FromMinutes(1);
        }

        return t;
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Ci, Categories.ZeroAlloc)]
    public Duration WorkingTimeBetween() => _calendar.WorkingTimeBetween(_start, _end);

    [Benchmark]
    [BenchmarkCategory(Categories.Ci, Categories.ZeroAlloc)]
    public Instant AddWorkingMinutes() => _calendar.AddWorkingTime(_start, _workingMinutes);

    // What a calendar without precomputation does: resolve the local date and its hours for every minute.
    private bool IsWorkingMinute(Instant t)
    {
        var local = t.InZone(Zone).LocalDateTime;
        return _calendar.Schedule.HoursOn(local.Date, _calendar.Holidays).Contains(local.TimeOfDay);
    }
}
