using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>A stretch of elapsed time: 0 to 10 days, in whole minutes.</summary>
public readonly record struct ElapsedMinutes(int Value);

/// <summary>An amount of working time: 1 minute to 5 working days of 7.5 hours, in whole minutes.</summary>
public readonly record struct WorkingMinutes(int Value);

/// <summary>Up to six pause/resume points, in minutes after a start (0 to 3 days), in ascending order.</summary>
public sealed record PauseCuts(int[] Minutes)
{
    /// <inheritdoc />
    public override string ToString() => $"PauseCuts [{string.Join(", ", Minutes)}]";
}

/// <summary>
/// The calendar's generators, each with its shrinker: instants are whole minutes in the years the default calendar
/// covers (2025-01-01 00:00 Shanghai plus up to 700 days, which leaves a month for spans and results before the end
/// of 2026) and shrink towards that first minute; the amounts shrink towards their smallest value.
/// </summary>
public static class CalendarArbitraries
{
    internal const int CoveredMinutes = 700 * 24 * 60;
    internal static readonly Instant First = new LocalDateTime(2025, 1, 1, 0, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    private const int MaxElapsed = 10 * 24 * 60;
    private const int MaxWorking = 5 * 450;
    private const int MaxCut = 3 * 24 * 60;

    /// <summary>Whole minutes in the covered years.</summary>
    public static Arbitrary<Instant> Minute() => Arb.From(
        Gen.Choose(0, CoveredMinutes).Select(At),
        t => Shrinks.Int((int)(t - First).TotalMinutes, 0, CoveredMinutes).Select(At));

    /// <summary>0 to 10 days.</summary>
    public static Arbitrary<ElapsedMinutes> Elapsed() => Shrinks.Between(0, MaxElapsed).Convert(m => new ElapsedMinutes(m), e => e.Value);

    /// <summary>1 minute to 5 working days.</summary>
    public static Arbitrary<WorkingMinutes> Working() => Shrinks.Between(1, MaxWorking).Convert(m => new WorkingMinutes(m), w => w.Value);

    /// <summary>Up to six cut points; fewer and earlier when shrunk.</summary>
    public static Arbitrary<PauseCuts> Cuts() => Arb.From(
        Gen.Choose(0, MaxCut).ArrayOf().Select(a => new PauseCuts([.. a.Take(6).Order()])),
        c => Shrinks.Array(c.Minutes, m => Shrinks.Int(m, 0, MaxCut)).Select(a => new PauseCuts([.. a.Order()])));

    private static Instant At(int minute) => First + Duration.FromMinutes(minute);
}
