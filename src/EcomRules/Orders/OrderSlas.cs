using System.Collections.Immutable;
using EcomRules.Engine;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>Starts and stops an order's SLA timers (SLA-1..5, SLA-8) and the durable breach timers that go with them.</summary>
internal static class OrderSlas
{
    public const string BreachTimerKind = "sla-breach";

    public static ImmutableArray<SlaTimer> Start(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, List<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        var builder = ImmutableArray.CreateBuilder<SlaTimer>(timers.Length + ids.Length);
        builder.AddRange(timers);
        foreach (var id in ids)
        {
            var timer = SlaTimer.Start(policy.Sla(id), at);
            builder.Add(timer);
            requests.Add(new TimerRequest(TimerId(key, id), key, BreachTimerKind, timer.Evaluate(at, policy.Calendar).CurrentBreachAt));
        }

        return builder.MoveToImmutable();
    }

    public static ImmutableArray<SlaTimer> Stop(ImmutableArray<SlaTimer> timers, EcomPolicy policy, AggregateKey key, Instant at, List<DomainEvent> events, List<TimerRequest> requests, params ReadOnlySpan<string> ids)
    {
        var builder = timers.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var timer = builder[i];
            if (!Contains(ids, timer.Definition.Id) || timer.Phase is SlaTimerPhase.Stopped or SlaTimerPhase.Cancelled)
            {
                continue;
            }

            var stopped = timer.Stop(at);
            var status = stopped.Evaluate(at, policy.Calendar);
            builder[i] = stopped;
            events.Add(new SlaClosed(key, at, timer.Definition.Id, status.State, status.Elapsed));
            requests.Add(new TimerRequest(TimerId(key, timer.Definition.Id), key, BreachTimerKind, null));
        }

        return builder.ToImmutable();
    }

    public static ImmutableArray<SlaTimer> CancelOpen(ImmutableArray<SlaTimer> timers, AggregateKey key, Instant at, List<TimerRequest> requests, string reason)
    {
        var builder = timers.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            if (builder[i].Phase is SlaTimerPhase.Running or SlaTimerPhase.Paused)
            {
                builder[i] = builder[i].Cancel(at, reason);
                requests.Add(new TimerRequest(TimerId(key, builder[i].Definition.Id), key, BreachTimerKind, null));
            }
        }

        return builder.ToImmutable();
    }

    public static string TimerId(AggregateKey key, string slaId) => string.Concat(key.Kind, "/", key.Id, "/", slaId);

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
