using EcomRules.Calendars;
using EcomRules.Sla;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

[Properties(Arbitrary = [typeof(CalendarArbitraries)])]
public sealed class WorkingCalendarProperties
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    [Property]
    [Trait("Rule", "DSP-4")]
    public bool DSP4_WorkingTimeBetween_EqualsTheMinuteOracle(Instant start, ElapsedMinutes span)
    {
        var end = start + Duration.FromMinutes(span.Value);
        return Calendar.WorkingTimeBetween(start, end) == Duration.FromMinutes(MinuteOracle.WorkingMinutesBetween(start, end));
    }

    [Property]
    [Trait("Rule", "DSP-1")]
    public bool DSP1_IsWorkingInstant_EqualsTheMinuteOracle(Instant t) => Calendar.IsWorkingInstant(t) == MinuteOracle.IsWorkingMinute(t);

    [Property]
    [Trait("Rule", "DSP-4")]
    public bool DSP4_AddThenMeasure_RoundTrips(Instant start, WorkingMinutes minutes)
    {
        var d = Duration.FromMinutes(minutes.Value) + Duration.FromNanoseconds(minutes.Value * 7);
        return Calendar.WorkingTimeBetween(start, Calendar.AddWorkingTime(start, d)) == d;
    }

    [Property]
    [Trait("Rule", "DSP-4")]
    public bool DSP4_AddWorkingTime_IsMonotonic(Instant start, ElapsedMinutes shift, WorkingMinutes minutes)
    {
        var later = start + Duration.FromMinutes(shift.Value % 600);
        var d = Duration.FromMinutes(minutes.Value);
        return Calendar.AddWorkingTime(start, d) <= Calendar.AddWorkingTime(start, d + Duration.FromMinutes(1))
            && Calendar.AddWorkingTime(start, d) <= Calendar.AddWorkingTime(later, d);
    }

    [Property]
    [Trait("Rule", "DSP-4")]
    public bool DSP4_AddWorkingTime_EndsOnAWorkingMinute_AtItsEndOrInside(Instant start, WorkingMinutes minutes)
    {
        var result = Calendar.AddWorkingTime(start, Duration.FromMinutes(minutes.Value));

        // The result is a working instant or the end of a working interval: the minute before it was worked.
        return MinuteOracle.IsWorkingMinute(result - Duration.FromMinutes(1))
            && (Calendar.IsWorkingInstant(result) || !MinuteOracle.IsWorkingMinute(result));
    }

    [Property]
    public bool AddingZero_GivesTheNextWorkingInstant(Instant start)
    {
        var next = Calendar.AddWorkingTime(start, Duration.Zero);
        return next >= start && Calendar.IsWorkingInstant(next) && Calendar.WorkingTimeBetween(start, next) == Duration.Zero;
    }

    [Property]
    [Trait("Rule", "SLA-8")]
    public bool SLA8_PauseTimeNeverCounts(Instant start, PauseCuts pauses, ElapsedMinutes tail)
    {
        var cuts = pauses.Minutes;

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

        var now = start + Duration.FromMinutes((cuts.Length == 0 ? 0 : cuts[^1]) + (tail.Value % 1440));
        if (!paused)
        {
            running += MinuteOracle.WorkingMinutesBetween(runningSince, now);
        }

        return timer.Evaluate(now, Calendar).Elapsed == Duration.FromMinutes(running);
    }
}
