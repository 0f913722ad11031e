using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Sla;

/// <summary>
/// An event-sourced, immutable SLA timer (SLA-8): it starts (possibly retroactively), pauses, resumes, stops, is
/// cancelled or reset (a new cycle; the history is kept). Every operation returns a new timer with the event
/// appended; an operation the phase does not allow throws <see cref="InvalidSlaOperationException"/>.
/// </summary>
/// <remarks>
/// <see cref="Evaluate(Instant, WorkingCalendar)"/> is a pure function of the events, the definition and the
/// calendar: evaluating the same history against a changed calendar gives the new breach instant. Only the current
/// cycle (since the last reset) is measured.
/// </remarks>
public sealed class SlaTimer
{
    // Most timers start and then stop or are cancelled. Such a history is held in fields (_startedAt, _endKind,
    // _endedAt; instants as nanoseconds since the Unix epoch) and Events is built when read; a longer one (pauses,
    // resets, reasons), or one with an instant beyond ±292 years of 1970, is kept in _events.
    private static readonly Instant MinShort = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);
    private static readonly Instant MaxShort = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    private readonly ImmutableArray<SlaTimerEvent> _events; // default while the history is short
    private readonly long _startedAt;
    private readonly long _endedAt;
    private readonly int _cycleStartIndex;
    private readonly byte _endKind; // Stopped or Cancelled; Started while the short history has not ended
    private readonly byte _phase;

    private SlaTimer(SlaDefinition definition, ImmutableArray<SlaTimerEvent> events, SlaTimerPhase phase, int cycleStartIndex)
    {
        Definition = definition;
        _events = events;
        _phase = (byte)phase;
        _cycleStartIndex = cycleStartIndex;
    }

    private SlaTimer(SlaDefinition definition, long startedAt, SlaTimerEventKind endKind, long endedAt, SlaTimerPhase phase)
    {
        Definition = definition;
        _startedAt = startedAt;
        _endKind = (byte)endKind;
        _endedAt = endedAt;
        _phase = (byte)phase;
    }

    /// <summary>Gets the SLA being measured.</summary>
    public SlaDefinition Definition { get; }

    /// <summary>Gets every event, in time order, earlier cycles included.</summary>
    public ImmutableArray<SlaTimerEvent> Events => _events.IsDefault ? [.. ShortHistory(out _)] : _events;

    /// <summary>Gets the phase of the current cycle.</summary>
    public SlaTimerPhase Phase => (SlaTimerPhase)_phase;

    /// <summary>Gets when the current cycle started.</summary>
    public Instant CycleStartedAt => _events.IsDefault ? FromShort(_startedAt) : _events[_cycleStartIndex].At;

    /// <summary>Starts a timer at <paramref name="startedAt"/>, which may be in the past (a retroactive start).</summary>
    /// <param name="definition">The SLA.</param>
    /// <param name="startedAt">When the clock starts, e.g. when the order arrived.</param>
    /// <returns>A running timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static SlaTimer Start(SlaDefinition definition, Instant startedAt)
        => IsShort(startedAt)
            ? new(Preconditions.CheckNotNull(definition), ToShort(startedAt), SlaTimerEventKind.Started, 0, SlaTimerPhase.Running)
            : new(Preconditions.CheckNotNull(definition), [new SlaTimerEvent(SlaTimerEventKind.Started, startedAt)], SlaTimerPhase.Running, 0);

    /// <summary>Pauses the timer, e.g. while waiting for the customer.</summary>
    /// <param name="at">When; not before the last event.</param>
    /// <param name="reason">Why, if known.</param>
    /// <returns>A paused timer.</returns>
    /// <exception cref="InvalidSlaOperationException">The timer is not running, or <paramref name="at"/> is before the last event.</exception>
    public SlaTimer Pause(Instant at, string? reason = null) => Append(SlaTimerEventKind.Paused, at, reason, SlaTimerPhase.Running, SlaTimerPhase.Paused);

    /// <summary>Resumes a paused timer.</summary>
    /// <param name="at">When; not before the last event.</param>
    /// <returns>A running timer.</returns>
    /// <exception cref="InvalidSlaOperationException">The timer is not paused, or <paramref name="at"/> is before the last event.</exception>
    public SlaTimer Resume(Instant at) => Append(SlaTimerEventKind.Resumed, at, null, SlaTimerPhase.Paused, SlaTimerPhase.Running);

    /// <summary>Stops the timer: the goal was reached. Met if at or before the breach instant, else breached.</summary>
    /// <param name="at">When; not before the last event.</param>
    /// <returns>A stopped timer.</returns>
    /// <exception cref="InvalidSlaOperationException">The timer is stopped or cancelled, or <paramref name="at"/> is before the last event.</exception>
    public SlaTimer Stop(Instant at) => Append(SlaTimerEventKind.Stopped, at, null, null, SlaTimerPhase.Stopped);

    /// <summary>Cancels the timer: the SLA no longer applies.</summary>
    /// <param name="at">When; not before the last event.</param>
    /// <param name="reason">Why, if known.</param>
    /// <returns>A cancelled timer.</returns>
    /// <exception cref="InvalidSlaOperationException">The timer is stopped or cancelled, or <paramref name="at"/> is before the last event.</exception>
    public SlaTimer Cancel(Instant at, string? reason = null) => Append(SlaTimerEventKind.Cancelled, at, reason, null, SlaTimerPhase.Cancelled);

    /// <summary>Starts a new cycle at <paramref name="at"/>; the earlier events are kept but no longer measured.</summary>
    /// <param name="at">When; not before the last event.</param>
    /// <param name="reason">Why, if known.</param>
    /// <returns>A running timer in a new cycle.</returns>
    /// <exception cref="InvalidSlaOperationException">The timer is stopped or cancelled, or <paramref name="at"/> is before the last event.</exception>
    public SlaTimer Reset(Instant at, string? reason = null) => Append(SlaTimerEventKind.Reset, at, reason, null, SlaTimerPhase.Running);

    /// <summary>Reports the timer at <paramref name="now"/> (SLA-8). Events after <paramref name="now"/> are ignored.</summary>
    /// <param name="now">The instant to report at.</param>
    /// <param name="calendar">The working calendar the SLA is measured on.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="now"/> is before the timer started.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the instants involved.</exception>
    public SlaStatus Evaluate(Instant now, WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        var meter = new Meter(Definition.Basis, calendar);
        var events = EventsIn(out var shortHistory);

        // At most one running segment per event: small enough for the stack in every realistic history.
        Span<(Instant From, Instant To)> buffer = events.Length < 32 ? stackalloc (Instant, Instant)[events.Length + 1] : new (Instant, Instant)[events.Length + 1];
        var m = Measure(events, now, calendar, meter, buffer);
        ReadOnlySpan<(Instant From, Instant To)> segments = buffer[..m.Segments];
        var thresholds = Definition.WarningThresholds;
        var warnings = new SlaWarning[thresholds.Length];
        for (var i = 0; i < warnings.Length; i++)
        {
            var target = Share(m.Budget, thresholds[i]);
            warnings[i] = new SlaWarning(thresholds[i], WhenConsumed(target, segments, m.Elapsed, m.Open ? now : null, meter), m.Elapsed >= target);
        }

        return new SlaStatus(
            m.State,
            m.Elapsed,
            m.Budget > m.Elapsed ? m.Budget - m.Elapsed : Duration.Zero,
            m.Budget,
            m.BreachAt,
            m.Budget == Duration.Zero ? m.Start : meter.Add(m.Start, m.Budget),
            ImmutableCollectionsMarshal.AsImmutableArray(warnings));
    }

    /// <summary>The <see cref="SlaStatus.State"/> and <see cref="SlaStatus.Elapsed"/> of <see cref="Evaluate"/>, without
    /// the status, warnings and original breach instant (what closing a timer reports).</summary>
    internal (SlaState State, Duration Elapsed) Outcome(Instant now, WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        var events = EventsIn(out var shortHistory);
        Span<(Instant From, Instant To)> buffer = events.Length < 32 ? stackalloc (Instant, Instant)[events.Length + 1] : new (Instant, Instant)[events.Length + 1];
        var m = Measure(events, now, calendar, new Meter(Definition.Basis, calendar), buffer);
        return (m.State, m.Elapsed);
    }

    // Replays the current cycle as of now into running segments (written to buffer) and measures it (SLA-8).
    private Measurement Measure(ReadOnlySpan<SlaTimerEvent> events, Instant now, WorkingCalendar calendar, Meter meter, Span<(Instant From, Instant To)> buffer)
    {
        var cycleStart = -1;
        for (var i = 0; i < events.Length && events[i].At <= now; i++)
        {
            if (events[i].Kind is SlaTimerEventKind.Started or SlaTimerEventKind.Reset)
            {
                cycleStart = i;
            }
        }

        if (cycleStart < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now,
                string.Create(CultureInfo.InvariantCulture, $"The SLA timer '{Definition.Id}' starts at {events[0].At}, after {now}; evaluate it at or after its start."));
        }

        var start = events[cycleStart].At;
        var count = 0;
        var phase = SlaTimerPhase.Running;
        var runningSince = start;
        var end = now;
        for (var i = cycleStart + 1; i < events.Length && events[i].At <= now; i++)
        {
            var e = events[i];
            if (phase == SlaTimerPhase.Running)
            {
                buffer[count++] = (runningSince, e.At);
            }

            (phase, runningSince) = e.Kind switch
            {
                SlaTimerEventKind.Paused => (SlaTimerPhase.Paused, runningSince),
                SlaTimerEventKind.Resumed => (SlaTimerPhase.Running, e.At),
                SlaTimerEventKind.Stopped => (SlaTimerPhase.Stopped, runningSince),
                _ => (SlaTimerPhase.Cancelled, runningSince),
            };
            if (phase is SlaTimerPhase.Stopped or SlaTimerPhase.Cancelled)
            {
                end = e.At;
            }
        }

        if (phase == SlaTimerPhase.Running)
        {
            buffer[count++] = (runningSince, now);
        }

        ReadOnlySpan<(Instant From, Instant To)> segments = buffer[..count];

        // SLA-8: the goal fixes a budget of measured time; only running segments consume it.
        var budget = meter.Between(start, Definition.Goal.DueFrom(start, calendar));
        var elapsed = Duration.Zero;
        foreach (var (from, to) in segments)
        {
            elapsed += meter.Between(from, to);
        }

        var open = phase is SlaTimerPhase.Running or SlaTimerPhase.Paused;
        var breachAt = WhenConsumed(budget, segments, elapsed, open ? now : null, meter);
        var breached = breachAt is { } b && end > b;
        var state = phase switch
        {
            SlaTimerPhase.Cancelled => SlaState.Cancelled,
            _ when breached => SlaState.Breached,
            SlaTimerPhase.Running => SlaState.Running,
            SlaTimerPhase.Paused => SlaState.Paused,
            _ => SlaState.Met,
        };
        return new Measurement(state, start, elapsed, budget, breachAt, open, count);
    }

    /// <summary>
    /// Gets the instant the current cycle breaches if it is never paused: the same as
    /// <see cref="SlaStatus.OriginalBreachAt"/> of <see cref="Evaluate"/>, without evaluating the history.
    /// </summary>
    /// <param name="calendar">The working calendar the SLA is measured on.</param>
    /// <returns>The breach instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The calendar does not cover the instants involved.</exception>
    public Instant OriginalBreachAt(WorkingCalendar calendar)
    {
        Preconditions.CheckNotNull(calendar);
        var meter = new Meter(Definition.Basis, calendar);
        var start = CycleStartedAt;
        var budget = meter.Between(start, Definition.Goal.DueFrom(start, calendar));
        return budget == Duration.Zero ? start : meter.Add(start, budget);
    }

    /// <summary>
    /// Gets the instant the current cycle reaches warning threshold <paramref name="index"/> of its definition if it is
    /// never paused (SLA-8): the same as that warning's <see cref="SlaWarning.DueAt"/> of <see cref="Evaluate"/> for a
    /// timer that has run without pause since its cycle started.
    /// </summary>
    internal Instant OriginalWarningAt(int index, WorkingCalendar calendar)
    {
        var meter = new Meter(Definition.Basis, calendar);
        var start = CycleStartedAt;
        var target = Share(meter.Between(start, Definition.Goal.DueFrom(start, calendar)), Definition.WarningThresholds[index]);
        return target == Duration.Zero ? start : meter.Add(start, target);
    }

    // The share of a budget a threshold stands for, to the nanosecond (exact decimal arithmetic, SLA-8).
    private static Duration Share(Duration budget, decimal threshold)
        => Duration.FromNanoseconds((long)Math.Round(budget.ToInt64Nanoseconds() * threshold, MidpointRounding.ToEven));

    // The earliest instant at which the running segments have consumed target; projected from now while open.
    private static Instant? WhenConsumed(Duration target, ReadOnlySpan<(Instant From, Instant To)> segments, Duration elapsed, Instant? now, Meter meter)
    {
        if (target == Duration.Zero)
        {
            return segments.Length > 0 ? segments[0].From : now;
        }

        var consumed = Duration.Zero;
        foreach (var (from, to) in segments)
        {
            var length = meter.Between(from, to);
            if (consumed + length >= target)
            {
                return meter.Add(from, target - consumed);
            }

            consumed += length;
        }

        return now is { } n ? meter.Add(n, target - elapsed) : null;
    }

    private SlaTimer Append(SlaTimerEventKind kind, Instant at, string? reason, SlaTimerPhase? requiredPhase, SlaTimerPhase next)
    {
        if (Phase is SlaTimerPhase.Stopped or SlaTimerPhase.Cancelled)
        {
            throw new InvalidSlaOperationException(Definition.Id, Phase, kind, "the timer has ended; start a new timer instead.");
        }

        if (requiredPhase is { } required && Phase != required)
        {
            throw new InvalidSlaOperationException(Definition.Id, Phase, kind,
                string.Create(CultureInfo.InvariantCulture, $"the timer must be {required.ToString().ToLowerInvariant()}."));
        }

        var last = _events.IsDefault ? FromShort(_startedAt) : _events[^1].At; // a short history that has ended was refused above
        if (at < last)
        {
            throw new InvalidSlaOperationException(Definition.Id, Phase, kind,
                string.Create(CultureInfo.InvariantCulture, $"{at} is before the last event at {last}; events must be in time order."));
        }

        if (_events.IsDefault && reason is null && kind is SlaTimerEventKind.Stopped or SlaTimerEventKind.Cancelled && IsShort(at))
        {
            return new SlaTimer(Definition, _startedAt, kind, ToShort(at), next);
        }

        var events = (_events.IsDefault ? [new SlaTimerEvent(SlaTimerEventKind.Started, FromShort(_startedAt))] : _events).Add(new SlaTimerEvent(kind, at, reason));
        return new SlaTimer(Definition, events, next, kind == SlaTimerEventKind.Reset ? events.Length - 1 : _cycleStartIndex);
    }

    // The events without building an array for a short history (written into shortHistory, which the span refers to).
    private ReadOnlySpan<SlaTimerEvent> EventsIn([UnscopedRef] out ShortHistoryEvents shortHistory)
    {
        if (!_events.IsDefault)
        {
            shortHistory = default;
            return _events.AsSpan();
        }

        return ShortHistory(out shortHistory);
    }

    private ReadOnlySpan<SlaTimerEvent> ShortHistory([UnscopedRef] out ShortHistoryEvents events)
    {
        events = default;
        events[0] = new SlaTimerEvent(SlaTimerEventKind.Started, FromShort(_startedAt));
        if ((SlaTimerEventKind)_endKind == SlaTimerEventKind.Started)
        {
            return ((ReadOnlySpan<SlaTimerEvent>)events)[..1];
        }

        events[1] = new SlaTimerEvent((SlaTimerEventKind)_endKind, FromShort(_endedAt));
        return events;
    }

    private static bool IsShort(Instant at) => at >= MinShort && at <= MaxShort;

    private static long ToShort(Instant at) => (at - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    private static Instant FromShort(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    [InlineArray(2)]
    private struct ShortHistoryEvents
    {
        private SlaTimerEvent _first;
    }

    private readonly record struct Measurement(SlaState State, Instant Start, Duration Elapsed, Duration Budget, Instant? BreachAt, bool Open, int Segments);

    private readonly struct Meter(SlaTimeBasis basis, WorkingCalendar calendar)
    {
        public Duration Between(Instant from, Instant to)
            => basis == SlaTimeBasis.WorkingTime ? calendar.WorkingTimeBetween(from, to) : to - from;

        public Instant Add(Instant from, Duration duration)
            => basis == SlaTimeBasis.WorkingTime ? calendar.AddWorkingTime(from, duration) : from + duration;
    }
}
