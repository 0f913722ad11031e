using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>Starts and stops the SLA timers of orders and return cases (SLA-1..7, SLA-8) and the durable breach timers that go with them.</summary>
internal static class OrderSlas
{
    public const string BreachTimerKind = "sla-breach";

    public static ImmutableArray<SlaTimer> Start(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        // Written straight into the new array (no builder object per start).
        var started = new SlaTimer[timers.Length + ids.Length];
        timers.CopyTo(started);
        for (var i = 0; i < ids.Length; i++)
        {
            started[timers.Length + i] = StartOne(policy.Sla(ids[i]), policy, key, at, ref requests);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(started);
    }

    /// <summary>Starts one timer from an explicit definition (such as SLA-6's 48-hour special case).</summary>
    public static ImmutableArray<SlaTimer> Start(ImmutableArray<SlaTimer> timers, SlaDefinition definition, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<TimerRequest> requests)
        => timers.Add(StartOne(definition, policy, key, at, ref requests));

    private static SlaTimer StartOne(SlaDefinition definition, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<TimerRequest> requests)
    {
        var timer = SlaTimer.Start(definition, at);
        requests.Add(new TimerRequest(key, definition.Id, BreachTimerKind, timer.OriginalBreachAt(policy.Calendar)));
        return timer;
    }

    public static ImmutableArray<SlaTimer> Stop(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<DomainEvent> events, ref Pending<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        var changed = Stop(timers, null, policy, key, at, ref events, ref requests, ids);
        return changed is null ? timers : ImmutableCollectionsMarshal.AsImmutableArray(changed);
    }

    /// <summary>
    /// <see cref="Stop(ImmutableArray{SlaTimer}, EcomPolicy, AggregateKey, Instant, ref Pending{DomainEvent}, ref Pending{TimerRequest}, ReadOnlySpan{string})"/>
    /// of <paramref name="stopId"/>, then <see cref="Start(ImmutableArray{SlaTimer}, EcomPolicy, AggregateKey, Instant, ref Pending{TimerRequest}, ReadOnlySpan{string})"/>
    /// of <paramref name="startId"/>, with the same events and requests in the same order, into one new array.
    /// </summary>
    public static ImmutableArray<SlaTimer> StopThenStart(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<DomainEvent> events, ref Pending<TimerRequest> requests, string stopId, string startId)
    {
        var next = new SlaTimer[timers.Length + 1];
        timers.CopyTo(next);
        Stop(timers, next, policy, key, at, ref events, ref requests, [stopId]);
        next[^1] = StartOne(policy.Sla(startId), policy, key, at, ref requests);
        return ImmutableCollectionsMarshal.AsImmutableArray(next);
    }

    // Stops the timers of ids: the result is `into` (a copy of timers, perhaps longer) or, when null, a copy made on
    // the first stop only (null when nothing stopped).
    private static SlaTimer[]? Stop(ImmutableArray<SlaTimer> timers, SlaTimer[]? into, EcomPolicy policy, AggregateKey key, Instant at, ref Pending<DomainEvent> events, ref Pending<TimerRequest> requests, ReadOnlySpan<string> ids)
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
            requests.Add(new TimerRequest(key, timer.Definition.Id, BreachTimerKind, null));
        }

        return changed;
    }

    public static ImmutableArray<SlaTimer> CancelOpen(ImmutableArray<SlaTimer> timers, AggregateKey key, Instant at, ref Pending<TimerRequest> requests, string reason)
    {
        // ToBuilder of an empty array has a spare capacity, so MoveToImmutable would throw: drain instead.
        var builder = timers.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            if (builder[i].Phase is SlaTimerPhase.Running or SlaTimerPhase.Paused)
            {
                builder[i] = builder[i].Cancel(at, reason);
                requests.Add(new TimerRequest(key, builder[i].Definition.Id, BreachTimerKind, null));
            }
        }

        return builder.DrainToImmutable();
    }

    /// <summary>
    /// The breach instant of an open SLA timer computed again on the policy's calendar from its events (SLA-8), as it is
    /// scheduled when the timer starts; null when the SLA is not open any more.
    /// </summary>
    public static Instant? BreachDue(ImmutableArray<SlaTimer> timers, string slaId, EcomPolicy policy)
    {
        foreach (var timer in timers)
        {
            if (string.Equals(timer.Definition.Id, slaId, StringComparison.Ordinal) && timer.Phase is SlaTimerPhase.Running or SlaTimerPhase.Paused)
            {
                return timer.OriginalBreachAt(policy.Calendar);
            }
        }

        return null;
    }

    /// <summary>Whether an SLA's breach instant depends on the working calendar: measured in working time, or due at a
    /// working-calendar instant (the next working day at 09:00, the end of the working day). 24 elapsed hours does not.</summary>
    public static bool CountsOnCalendar(ImmutableArray<SlaTimer> timers, string slaId, EcomPolicy policy)
    {
        foreach (var timer in timers)
        {
            if (string.Equals(timer.Definition.Id, slaId, StringComparison.Ordinal))
            {
                return CountsOnCalendar(timer.Definition);
            }
        }

        return policy.Slas.TryGetValue(slaId, out var definition) && CountsOnCalendar(definition);
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
