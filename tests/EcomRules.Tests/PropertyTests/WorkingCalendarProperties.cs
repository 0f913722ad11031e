using EcomRules.Calendars;
using EcomRules.Sla;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

public sealed class WorkingCalendarProperties
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly Instant First = new LocalDateTime(2025, 1, 1, 0, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
    private const int CoveredMinutes = 700 * 24 * 60; // leaves a month for spans and results before the end of 2026

    private static readonly Arbitrary<Instant> AnyMinute = Arb.From(Gen.Choose(0, CoveredMinutes).Select(m => First + Duration.FromMinutes(m)));
    private static readonly Arbitrary<int> SpanMinutes = Arb.From(Gen.Choose(0, 10 * 24 * 60));
    private static readonly Arbitrary<int> WorkingMinutes = Arb.From(Gen.Choose(1, 5 * 450));

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_WorkingTimeBetween_EqualsTheMinuteOracle()
        => Prop.ForAll(AnyMinute, SpanMinutes, (start, span) =>
        {
            var end = start + Duration.FromMinutes(span);
            return Calendar.WorkingTimeBetween(start, end) == Duration.FromMinutes(MinuteOracle.WorkingMinutesBetween(start, end));
        }).QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "DSP-1")]
    public void DSP1_IsWorkingInstant_EqualsTheMinuteOracle()
        => Prop.ForAll(AnyMinute, t => Calendar.IsWorkingInstant(t) == MinuteOracle.IsWorkingMinute(t)).QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_AddThenMeasure_RoundTrips()
        => Prop.ForAll(AnyMinute, WorkingMinutes, (start, minutes) =>
        {
            var d = Duration.FromMinutes(minutes) + Duration.FromNanoseconds(minutes * 7);
            return Calendar.WorkingTimeBetween(start, Calendar.AddWorkingTime(start, d)) == d;
        }).QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_AddWorkingTime_IsMonotonic()
        => Prop.ForAll(AnyMinute, SpanMinutes, WorkingMinutes, (start, shift, minutes) =>
        {
            var later = start + Duration.FromMinutes(shift % 600);
            var d = Duration.FromMinutes(minutes);
            return Calendar.AddWorkingTime(start, d) <= Calendar.AddWorkingTime(start, d + Duration.FromMinutes(1))
                && Calendar.AddWorkingTime(start, d) <= Calendar.AddWorkingTime(later, d);
        }).QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "DSP-4")]
    public void DSP4_AddWorkingTime_EndsOnAWorkingMinute_AtItsEndOrInside()
        => Prop.ForAll(AnyMinute, WorkingMinutes, (start, minutes) =>
        {
            var result = Calendar.AddWorkingTime(start, Duration.FromMinutes(minutes));

            // The result is a working instant or the end of a working interval: the minute before it was worked.
            return MinuteOracle.IsWorkingMinute(result - Duration.FromMinutes(1))
                && (Calendar.IsWorkingInstant(result) || !MinuteOracle.IsWorkingMinute(result));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AddingZero_GivesTheNextWorkingInstant()
        => Prop.ForAll(AnyMinute, start =>
        {
            var next = Calendar.AddWorkingTime(start, Duration.Zero);
            return next >= start && Calendar.IsWorkingInstant(next) && Calendar.WorkingTimeBetween(start, next) == Duration.Zero;
        }).QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_PauseTimeNeverCounts()
    {
        var pauses = Arb.From(Gen.Choose(0, 3 * 24 * 60).ArrayOf().Select(a => a.Take(6).Order().ToArray()));
        Prop.ForAll(AnyMinute, pauses, SpanMinutes, (start, cuts, tail) =>
        {
            // Alternate pause/resume at the sorted cut points; the oracle sums only the running stretches.
            var timer = SlaTimer.Start(SlaDefinitions.AfterSales(basis: SlaTimeBasis.WorkingTime), start);
            long running = 0;
            var runningSince = start;
            var paused = false;
            foreach (var cut in cuts)
            {
                var at = start + Duration.FromMinutes(cut);
                if (paused)
                {
                    timer = timer.Resume(at);
                    runningSince = at;
                }
                else
                {
                    timer = timer.Pause(at);
                    running += MinuteOracle.WorkingMinutesBetween(runningSince, at);
                }

                paused = !paused;
            }

            var now = start + Duration.FromMinutes((cuts.Length == 0 ? 0 : cuts[^1]) + (tail % 1440));
            if (!paused)
            {
                running += MinuteOracle.WorkingMinutesBetween(runningSince, now);
            }

            return timer.Evaluate(now, Calendar).Elapsed == Duration.FromMinutes(running);
        }).QuickCheckThrowOnFailure();
    }
}
