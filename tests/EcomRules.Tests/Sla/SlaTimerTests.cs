using EcomRules.Calendars;
using EcomRules.Sla;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using static EcomRules.Tests.Calendars.Shanghai;

namespace EcomRules.Tests.Sla;

public sealed class SlaTimerTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly SlaDefinition OneHour = SlaDefinitions.DeliveryNoteGenerated; // SLA-3: 1 working hour

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_Running_ReportsElapsedRemainingAndWarnings()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0));
        var status = timer.Evaluate(At(2026, 3, 2, 9, 40), Calendar);

        Assert.Equal(SlaState.Running, status.State);
        Assert.Equal(Duration.FromMinutes(40), status.Elapsed);
        Assert.Equal(Duration.FromMinutes(20), status.Remaining);
        Assert.Equal(At(2026, 3, 2, 10, 0), status.CurrentBreachAt);
        Assert.Equal(At(2026, 3, 2, 10, 0), status.OriginalBreachAt);
        Assert.Equal([new SlaWarning(0.5m, At(2026, 3, 2, 9, 30), true), new SlaWarning(0.75m, At(2026, 3, 2, 9, 45), false)], status.Warnings.ToArray());
    }

    // Minutes up to 20 days after 2026-03-02 (the size grows to it), shrinking towards zero.
    [Property(EndSize = 60 * 24 * 20)]
    [Trait("Rule", "SLA-8")]
    public bool SLA8_AStartThenStopOrCancel_ReportsAsTheSameHistoryWithAZeroLengthPause(NonNegativeInt a, NonNegativeInt b, bool cancel)
    {
        // A timer that only starts and ends keeps its two events in fields; one with any other event keeps an array.
        // Both must report the same: a pause and resume at the start instant measures nothing.
        var start = At(2026, 3, 2, 0, 0) + Duration.FromMinutes(Math.Min(a.Get, b.Get));
        var end = At(2026, 3, 2, 0, 0) + Duration.FromMinutes(Math.Max(a.Get, b.Get));
        var shortHistory = SlaTimer.Start(OneHour, start);
        var longHistory = SlaTimer.Start(OneHour, start).Pause(start).Resume(start);
        shortHistory = cancel ? shortHistory.Cancel(end) : shortHistory.Stop(end);
        longHistory = cancel ? longHistory.Cancel(end) : longHistory.Stop(end);
        var (s, l) = (shortHistory.Evaluate(end, Calendar), longHistory.Evaluate(end, Calendar));
        return s.State == l.State && s.Elapsed == l.Elapsed && s.CurrentBreachAt == l.CurrentBreachAt && s.OriginalBreachAt == l.OriginalBreachAt
            && shortHistory.Events.SequenceEqual([new SlaTimerEvent(SlaTimerEventKind.Started, start), new SlaTimerEvent(cancel ? SlaTimerEventKind.Cancelled : SlaTimerEventKind.Stopped, end)])
            && shortHistory.Phase == longHistory.Phase && shortHistory.CycleStartedAt == start;
    }

    // Integers up to ±1,000,000 (the size grows to it), shrinking towards zero.
    [Property(EndSize = 1_000_000)]
    [Trait("Rule", "SLA-8")]
    public bool SLA8_AnyInstant_KeepsItsExactValue_InsideAndBeyondTheCompactRange(int a, int b)
    {
        // A short history keeps its instants as nanoseconds since 1970 (±292 years); others keep the events.
        foreach (var origin in new[] { At(2026, 3, 2, 9, 0), Instant.MinValue, Instant.MaxValue - Duration.FromDays(1), Instant.FromUtc(2262, 4, 11, 23, 47) })
        {
            var start = origin + Duration.FromNanoseconds(Math.Abs(a) * 7919L);
            var end = start + Duration.FromNanoseconds(Math.Abs(b) * 104_729L);
            var timer = SlaTimer.Start(OneHour, start);
            var stopped = timer.Stop(end);
            if (timer.CycleStartedAt != start || stopped.Phase != SlaTimerPhase.Stopped
                || !stopped.Events.SequenceEqual([new SlaTimerEvent(SlaTimerEventKind.Started, start), new SlaTimerEvent(SlaTimerEventKind.Stopped, end)]))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_PauseShiftsTheBreach_TheOriginalBreachStays()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0))
            .Pause(At(2026, 3, 2, 9, 20), "waiting for the customer")
            .Resume(At(2026, 3, 2, 10, 20));
        var status = timer.Evaluate(At(2026, 3, 2, 10, 30), Calendar);

        Assert.Equal(SlaState.Running, status.State);
        Assert.Equal(Duration.FromMinutes(30), status.Elapsed);
        Assert.Equal(At(2026, 3, 2, 11, 0), status.CurrentBreachAt);
        Assert.Equal(At(2026, 3, 2, 10, 0), status.OriginalBreachAt);
        Assert.Equal(At(2026, 3, 2, 10, 30), status.Warnings[0].DueAt);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_WhilePaused_NotBreachedEvenPastTheOriginalBreach()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Pause(At(2026, 3, 2, 9, 20));
        var status = timer.Evaluate(At(2026, 3, 2, 15, 0), Calendar);

        Assert.Equal(SlaState.Paused, status.State);
        Assert.Equal(Duration.FromMinutes(20), status.Elapsed);
        Assert.Equal(At(2026, 3, 2, 15, 40), status.CurrentBreachAt); // as if resumed now
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_StoppedInTime_IsMet_StoppedLate_IsBreached()
    {
        var start = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0));
        Assert.Equal(SlaState.Met, start.Stop(At(2026, 3, 2, 10, 0)).Evaluate(At(2026, 3, 2, 16, 0), Calendar).State);
        var late = start.Stop(At(2026, 3, 2, 10, 1)).Evaluate(At(2026, 3, 2, 16, 0), Calendar);
        Assert.Equal(SlaState.Breached, late.State);
        Assert.Equal(At(2026, 3, 2, 10, 0), late.CurrentBreachAt);
        Assert.Equal(Duration.FromMinutes(61), late.Elapsed);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_OpenPastTheBreach_IsBreached_AndTheLunchBreakDoesNotCount()
    {
        var status = SlaTimer.Start(OneHour, At(2026, 3, 2, 11, 30)).Evaluate(At(2026, 3, 2, 14, 31), Calendar);
        Assert.Equal(SlaState.Breached, status.State);
        Assert.Equal(At(2026, 3, 2, 14, 30), status.CurrentBreachAt);
        Assert.Equal(Duration.Zero, status.Remaining);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_RetroactiveStart_IsMeasuredFromTheStart()
    {
        var status = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Evaluate(At(2026, 3, 2, 9, 10), Calendar);
        Assert.Equal(Duration.FromMinutes(10), status.Elapsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Evaluate(At(2026, 3, 2, 8, 0), Calendar));
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_Reset_StartsANewCycle_KeepingHistory()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Reset(At(2026, 3, 2, 11, 30), "order changed");
        var status = timer.Evaluate(At(2026, 3, 2, 11, 45), Calendar);
        Assert.Equal(SlaState.Running, status.State);
        Assert.Equal(At(2026, 3, 2, 14, 30), status.CurrentBreachAt);
        Assert.Equal(2, timer.Events.Length);
        Assert.Equal(At(2026, 3, 2, 11, 30), timer.CycleStartedAt);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_Cancelled_IsReportedAsCancelled()
        => Assert.Equal(SlaState.Cancelled, SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Cancel(At(2026, 3, 2, 12, 0)).Evaluate(At(2026, 3, 3, 9, 0), Calendar).State);

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_InvalidOperations_ThrowNamingStateAndOperation()
    {
        var running = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0));
        var paused = running.Pause(At(2026, 3, 2, 9, 10));
        var stopped = running.Stop(At(2026, 3, 2, 9, 30));

        var ex = Assert.Throws<InvalidSlaOperationException>(() => paused.Pause(At(2026, 3, 2, 9, 20)));
        Assert.Equal((SlaTimerPhase.Paused, SlaTimerEventKind.Paused), (ex.Phase, ex.Operation));
        Assert.Equal(RuleIds.Sla8, ex.RuleId);
        Assert.Contains("Cannot pause SLA timer 'SLA-3' while it is paused", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidSlaOperationException>(() => running.Resume(At(2026, 3, 2, 9, 20)));
        Assert.Throws<InvalidSlaOperationException>(() => stopped.Resume(At(2026, 3, 2, 9, 40)));
        Assert.Throws<InvalidSlaOperationException>(() => stopped.Reset(At(2026, 3, 2, 9, 40)));
        Assert.Throws<InvalidSlaOperationException>(() => stopped.Stop(At(2026, 3, 2, 9, 40)));
        Assert.Throws<InvalidSlaOperationException>(() => running.Cancel(At(2026, 3, 2, 9, 40)).Pause(At(2026, 3, 2, 9, 50)));
        Assert.Contains("time order", Assert.Throws<InvalidSlaOperationException>(() => paused.Resume(At(2026, 3, 2, 9, 5))).Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_RecomputingAgainstAChangedCalendar_GivesTheNewBreach()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 17, 30));
        Assert.Equal(At(2026, 3, 3, 9, 0), timer.Evaluate(At(2026, 3, 2, 17, 45), Calendar).CurrentBreachAt);

        var closedTuesday = WorkingCalendar.Create(MerchantSchedule.Default.WithClosure(new LocalDate(2026, 3, 3)), ChinaPublicHolidays.Default);
        Assert.Equal(At(2026, 3, 4, 9, 0), timer.Evaluate(At(2026, 3, 2, 17, 45), closedTuesday).CurrentBreachAt);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_EventsAfterNow_AreIgnored()
    {
        var timer = SlaTimer.Start(OneHour, At(2026, 3, 2, 9, 0)).Stop(At(2026, 3, 2, 9, 30));
        Assert.Equal(SlaState.Running, timer.Evaluate(At(2026, 3, 2, 9, 15), Calendar).State);
        Assert.Equal(SlaState.Met, timer.Evaluate(At(2026, 3, 2, 9, 30), Calendar).State);
    }
}
