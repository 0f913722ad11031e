using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Deadlines;

/// <summary>
/// Starts and stops the SLA timers of any aggregate (orders, return cases, complaints, follow-up visits: SLA-1..8) and the durable timers that go with
/// them: the breach (<c>sla-breach</c>, timer name <c>{sla}</c>) and the next warning of the policy's thresholds
/// (<c>sla-warning</c>, timer name <c>{sla}/warning-{n}</c>, n from 1). Both are computed from the same
/// <see cref="SlaTimer"/> history: scheduled with the SLA, moved when it pauses, resumes or resets, cancelled when it
/// stops.
/// <para>
/// The warnings form a chain: an SLA has at most one warning timer at a time, the first threshold not yet reached, and
/// firing it schedules the next (<see cref="DeadlinePassed"/>). A paid order writes 7 durable timers instead of 10,
/// each a row and index entries in the store (issue 19), and an SLA that stops before a warning never writes the later
/// ones. Timers an older version scheduled for every threshold still fire as before: a warning is raised once whichever
/// timer reaches it.
/// </para>
/// </summary>
internal static class SlaSchedule
{
    public const string BreachTimerKind = "sla-breach";

    public const string WarningTimerKind = "sla-warning";

    private const string WarningInfix = "/warning-";

    public static ImmutableArray<SlaTimer> Start(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        // Written straight into the new array (no builder object per start).
        var started = new SlaTimer[timers.Length + ids.Length];
        timers.CopyTo(started);
        for (var i = 0; i < ids.Length; i++)
        {
            started[timers.Length + i] = StartOne(policy.Sla(ids[i]), policy, key, at, requests);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(started);
    }

    /// <summary>Starts one timer from an explicit definition (such as SLA-6's 48-hour special case).</summary>
    public static ImmutableArray<SlaTimer> Start(ImmutableArray<SlaTimer> timers, SlaDefinition definition, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests)
        => timers.Add(StartOne(definition, policy, key, at, requests));

    private static SlaTimer StartOne(SlaDefinition definition, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests)
    {
        var timer = SlaTimer.Start(definition, at);
        requests.Add(new TimerRequest(key, definition.Id, BreachTimerKind, timer.OriginalBreachAt(policy.Calendar)));
        if (definition.WarningThresholds.Length > 0)
        {
            // The first warning only: it schedules the next when it fires (SLA-8).
            requests.Add(new TimerRequest(key, WarningName(definition.Id, 0), WarningTimerKind, timer.OriginalWarningAt(0, policy.Calendar)));
        }

        return timer;
    }

    // The warning timers' names of the built-in SLAs (up to four thresholds), made once: starting an SLA, which every
    // paid order does three times, builds no name string.
    private static readonly FrozenDictionary<string, string[]> BuiltInWarningNames = SlaDefinitions.All.ToDictionary(
        static d => d.Id, static d => new[] { BuildWarningName(d.Id, 0), BuildWarningName(d.Id, 1), BuildWarningName(d.Id, 2), BuildWarningName(d.Id, 3) },
        StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name of warning timer <paramref name="index"/> (from 0) of an SLA: <c>{sla}/warning-{index + 1}</c>.</summary>
    public static string WarningName(string slaId, int index)
        => BuiltInWarningNames.TryGetValue(slaId, out var names) && index < names.Length ? names[index] : BuildWarningName(slaId, index);

    private static string BuildWarningName(string slaId, int index)
        => string.Concat(slaId, WarningInfix, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads a warning timer's name back into its SLA and threshold index; false when it is not one.</summary>
    public static bool TryParseWarningName(string name, out string slaId, out int index)
    {
        var at = name.LastIndexOf(WarningInfix, StringComparison.Ordinal);
        if (at > 0 && int.TryParse(name.AsSpan(at + WarningInfix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            slaId = name[..at];
            index = n - 1;
            return true;
        }

        slaId = string.Empty;
        index = -1;
        return false;
    }

    /// <summary>The timer's name under its aggregate: its ID without <c>{kind}/{id}/</c> (TimerRequest's naming).</summary>
    public static string TimerName(Ports.DueTimer timer)
    {
        var prefix = timer.Target.Kind.Length + timer.Target.Id.Length + 2;
        return timer.TimerId.Length > prefix ? timer.TimerId[prefix..] : timer.TimerId;
    }

    /// <summary>
    /// Pauses, resumes or resets the running or paused SLA <paramref name="id"/> with <paramref name="change"/> and moves
    /// its breach and warning timers to match the new history (SLA-8); unchanged when no such open timer exists.
    /// </summary>
    public static ImmutableArray<SlaTimer> Change(ImmutableArray<SlaTimer> timers, string id, Func<SlaTimer, SlaTimer> change, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests)
    {
        for (var i = 0; i < timers.Length; i++)
        {
            if (string.Equals(timers[i].Definition.Id, id, StringComparison.Ordinal) && timers[i].Phase is SlaTimerPhase.Running or SlaTimerPhase.Paused)
            {
                var changed = change(timers[i]);
                Reschedule(changed, policy, key, at, requests);
                return timers.SetItem(i, changed);
            }
        }

        return timers;
    }

    /// <summary>
    /// Schedules the durable timers of <paramref name="timer"/> as its history stands at <paramref name="at"/>: while it
    /// runs, the breach at its current breach instant and the first warning not yet reached at its current instant (a
    /// reached warning has fired or is firing: never twice; a later one is scheduled when that one fires); every other
    /// warning timer is cancelled. Otherwise (paused, stopped, cancelled) none.
    /// </summary>
    public static void Reschedule(SlaTimer timer, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests)
    {
        var id = timer.Definition.Id;
        if (timer.Phase != SlaTimerPhase.Running)
        {
            CancelTimers(timer.Definition, key, requests);
            return;
        }

        var status = timer.Evaluate(at, policy.Calendar);
        requests.Add(new TimerRequest(key, id, BreachTimerKind, status.CurrentBreachAt));
        var next = true;
        for (var i = 0; i < status.Warnings.Length; i++)
        {
            // Cancelling a warning timer that does not exist writes nothing; one an older version scheduled goes.
            var warning = status.Warnings[i];
            var scheduled = next && !warning.Reached && warning.DueAt is not null;
            next &= !scheduled;
            requests.Add(new TimerRequest(key, WarningName(id, i), WarningTimerKind, scheduled ? warning.DueAt : null));
        }
    }

    /// <summary>
    /// Decides what a due SLA timer of an aggregate means (SLA-8): a breach timer raises <see cref="SlaBreached"/> when
    /// the SLA is still running past its breach; a warning timer raises <see cref="SlaWarningRaised"/> when the SLA is
    /// still running, has reached that threshold and has not breached yet. Otherwise it is accepted with no event. While
    /// the SLA runs and has not breached, a warning timer passes the chain on: it schedules the next threshold's timer
    /// (at once if that one is reached too), or itself again when its threshold is not reached yet (a timer that came
    /// early, such as one computed on a calendar that has since moved it).
    /// </summary>
    public static CommandOutcome DeadlinePassed(Func<string, SlaTimer?> find, AggregateKey key, string subject, string timerKind, string? name, Instant at, EcomPolicy policy)
    {
        var isWarning = string.Equals(timerKind, WarningTimerKind, StringComparison.Ordinal);
        var slaId = name;
        var index = -1;
        if (isWarning && (name is null || !TryParseWarningName(name, out slaId, out index)))
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, $"{subject} has no SLA warning timer '{name}'.", RuleIds.Sla8);
        }

        var sla = slaId is null ? null : find(slaId);
        if (sla is null)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, $"{subject} has no SLA timer '{slaId}'.", RuleIds.Sla8);
        }

        var status = sla.Evaluate(at, policy.Calendar);
        if (!isWarning)
        {
            // The breach timer is due exactly at the breach instant, where the SLA counts as breached (SLA-8).
            return sla.Phase == SlaTimerPhase.Running && status.CurrentBreachAt is { } breachAt && breachAt <= at
                ? CommandOutcome.Accept($"{sla.Definition.Id} breached", [], [new SlaBreached(key, at, sla.Definition.Id, breachAt)])
                : CommandOutcome.Accept($"{sla.Definition.Id} not breached ({status.State})", [], []);
        }

        var warned = index < status.Warnings.Length ? status.Warnings[index] : default;
        if (sla.Phase != SlaTimerPhase.Running || status.CurrentBreachAt is not { } breach || breach <= at)
        {
            return CommandOutcome.Accept($"{sla.Definition.Id} no warning ({status.State})", [], []);
        }

        var next = warned.Reached ? index + 1 : index;
        TimerRequest[] chain = next < status.Warnings.Length && status.Warnings[next].DueAt is { } nextDue
            ? [new TimerRequest(key, WarningName(sla.Definition.Id, next), WarningTimerKind, nextDue)]
            : [];
        return warned.Reached
            ? CommandOutcome.Accept(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sla.Definition.Id} warning at {warned.Threshold * 100:0.##} %"), [], [new SlaWarningRaised(key, at, sla.Definition.Id, warned.Threshold, breach)], chain)
            : CommandOutcome.Accept($"{sla.Definition.Id} no warning ({status.State})", [], [], chain);
    }

    private static void CancelTimers(SlaDefinition definition, AggregateKey key, List<TimerRequest> requests)
    {
        requests.Add(new TimerRequest(key, definition.Id, BreachTimerKind, null));
        for (var i = 0; i < definition.WarningThresholds.Length; i++)
        {
            requests.Add(new TimerRequest(key, WarningName(definition.Id, i), WarningTimerKind, null));
        }
    }

    public static ImmutableArray<SlaTimer> Stop(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, List<DomainEvent> events, List<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        var changed = Stop(timers, null, policy, key, at, events, requests, ids);
        return changed is null ? timers : ImmutableCollectionsMarshal.AsImmutableArray(changed);
    }

    /// <summary>
    /// <see cref="Stop(ImmutableArray{SlaTimer}, EcomPolicy, AggregateKey, Instant, List{DomainEvent}, List{TimerRequest}, ReadOnlySpan{string})"/>
    /// of <paramref name="stopId"/>, then <see cref="Start(ImmutableArray{SlaTimer}, EcomPolicy, AggregateKey, Instant, List{TimerRequest}, ReadOnlySpan{string})"/>
    /// of <paramref name="startId"/>, with the same events and requests in the same order, into one new array.
    /// </summary>
    public static ImmutableArray<SlaTimer> StopThenStart(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, List<DomainEvent> events, List<TimerRequest> requests, string stopId, string startId)
    {
        var next = new SlaTimer[timers.Length + 1];
        timers.CopyTo(next);
        Stop(timers, next, policy, key, at, events, requests, [stopId]);
        next[^1] = StartOne(policy.Sla(startId), policy, key, at, requests);
        return ImmutableCollectionsMarshal.AsImmutableArray(next);
    }

    // Stops the timers of ids: the result is `into` (a copy of timers, perhaps longer) or, when null, a copy made on
    // the first stop only (null when nothing stopped).
    private static SlaTimer[]? Stop(ImmutableArray<SlaTimer> timers, SlaTimer[]? into, EcomPolicy policy, AggregateKey key, Instant at, List<DomainEvent> events, List<TimerRequest> requests, ReadOnlySpan<string> ids)
    {
        var changed = into;
        for (var i = 0; i < timers.Length; i++)
        {
            var timer = timers[i];
            if (!Contains(ids, timer.Definition.Id) || timer.Phase is SlaTimerPhase.Stopped or SlaTimerPhase.Cancelled)
            {
                continue;
            }

            var stopped = timer.Stop(at);
            var (state, elapsed) = stopped.Outcome(at, policy.Calendar);
            changed ??= timers.ToArray();
            changed[i] = stopped;
            events.Add(new SlaClosed(key, at, timer.Definition.Id, state, elapsed));
            CancelTimers(timer.Definition, key, requests);
        }

        return changed;
    }

    public static ImmutableArray<SlaTimer> CancelOpen(ImmutableArray<SlaTimer> timers, AggregateKey key, Instant at, List<TimerRequest> requests, string reason)
    {
        // ToBuilder of an empty array has a spare capacity, so MoveToImmutable would throw: drain instead.
        var builder = timers.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            if (builder[i].Phase is SlaTimerPhase.Running or SlaTimerPhase.Paused)
            {
                builder[i] = builder[i].Cancel(at, reason);
                CancelTimers(builder[i].Definition, key, requests);
            }
        }

        return builder.DrainToImmutable();
    }

    /// <summary>The name of a timer under its aggregate: its ID without <c>{kind}/{id}/</c> (TimerRequest's naming).</summary>
    public static string TimerName(AggregateKey key, string timerId)
    {
        var prefix = key.Kind.Length + key.Id.Length + 2;
        return timerId.Length > prefix ? timerId[prefix..] : timerId;
    }

    /// <summary>The SLA a breach or warning timer belongs to, or null for another timer.</summary>
    private static string? SlaOf(AggregateKey key, string kind, string timerId)
    {
        var name = TimerName(key, timerId);
        return string.Equals(kind, BreachTimerKind, StringComparison.Ordinal) ? name
            : string.Equals(kind, WarningTimerKind, StringComparison.Ordinal) && TryParseWarningName(name, out var slaId, out _) ? slaId
            : null;
    }

    /// <summary>
    /// The due instant of an open SLA's breach or warning timer computed again on the policy's calendar from the timer's
    /// events (SLA-8); null when the SLA is not running any more. A warning the new calendar says was reached already
    /// keeps its (past) instant, so its timer fires at once: it raises the warning and passes the chain on to the next
    /// one, which a cancelled timer would have lost (the timer is recomputed only while its provisional instant is ahead,
    /// so it has not fired yet).
    /// </summary>
    public static Instant? RecomputeDue(ImmutableArray<SlaTimer> timers, AggregateKey key, string kind, string timerId, EcomPolicy policy, Instant at)
    {
        if (SlaOf(key, kind, timerId) is not { } slaId)
        {
            return null;
        }

        foreach (var timer in timers)
        {
            if (!string.Equals(timer.Definition.Id, slaId, StringComparison.Ordinal) || timer.Phase != SlaTimerPhase.Running)
            {
                continue;
            }

            // As of its last event at the earliest: a command may carry an instant ahead of the clock that recomputes.
            var events = timer.Events;
            var status = timer.Evaluate(events[^1].At > at ? events[^1].At : at, policy.Calendar);
            if (string.Equals(kind, BreachTimerKind, StringComparison.Ordinal))
            {
                return status.CurrentBreachAt;
            }

            _ = TryParseWarningName(TimerName(key, timerId), out _, out var index);
            return index < status.Warnings.Length ? status.Warnings[index].DueAt : null;
        }

        return null;
    }

    /// <summary>
    /// Whether an SLA timer's due instant was computed on provisional calendar days: the SLA depends on the working
    /// calendar (measured in working time, or due at a working-calendar instant such as 09:00 the next working day or the
    /// end of the working day; 24 elapsed hours does not), and the timer's instant — or, for a warning, the breach it is a
    /// share of — falls in a year without holiday data (DSP-1).
    /// </summary>
    public static bool IsProvisional(ImmutableArray<SlaTimer> timers, AggregateKey key, TimerRequest request, EcomPolicy policy)
    {
        if (request.DueAt is not { } due || SlaOf(key, request.Kind, request.TimerId) is not { } slaId)
        {
            return false;
        }

        var calendar = policy.Calendar;
        foreach (var timer in timers)
        {
            if (string.Equals(timer.Definition.Id, slaId, StringComparison.Ordinal) && timer.Phase == SlaTimerPhase.Running)
            {
                return CountsOnCalendar(timer.Definition)
                    && (calendar.IsProvisional(due)
                        || (string.Equals(request.Kind, WarningTimerKind, StringComparison.Ordinal) && calendar.IsProvisional(timer.OriginalBreachAt(calendar))));
            }
        }

        return false;
    }

    private static bool CountsOnCalendar(SlaDefinition definition)
        => definition.Basis == SlaTimeBasis.WorkingTime || definition.Goal is not Calendars.ElapsedDeadline;

    private static bool Contains(ReadOnlySpan<string> ids, string id)
    {
        foreach (var candidate in ids)
        {
            if (string.Equals(candidate, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
