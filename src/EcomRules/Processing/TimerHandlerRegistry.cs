using System.Collections.Immutable;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Returns;

namespace EcomRules.Processing;

/// <summary>
/// Which command a due timer fires, by the kind of the aggregate it belongs to and the timer's kind. The module that
/// schedules a timer kind registers its handler here; <see cref="TimerScheduler"/> knows no module. A timer of a kind
/// nobody registered is not completed: the scheduler reports it and leaves it for a later retry (SLA-8: a deadline
/// that cannot fire must stay visible, never vanish). Immutable and thread-safe.
/// </summary>
public sealed class TimerHandlerRegistry
{
    private readonly ImmutableDictionary<(string AggregateKind, string TimerKind), Func<DueTimer, CommandId, EcomCommand>> _handlers;

    private TimerHandlerRegistry(ImmutableDictionary<(string AggregateKind, string TimerKind), Func<DueTimer, CommandId, EcomCommand>> handlers)
        => _handlers = handlers;

    /// <summary>Gets a registry with no handlers.</summary>
    public static TimerHandlerRegistry Empty { get; } = new(ImmutableDictionary<(string, string), Func<DueTimer, CommandId, EcomCommand>>.Empty);

    /// <summary>
    /// Gets the handlers of every timer EcomRules' own modules schedule: orders (auto-completion, dispatch deadline,
    /// SLA-1..5 warnings and breaches), return cases (SLA-6 and SLA-7 warnings and breaches), complaints (SLA-6) and
    /// follow-up visits (ORD-5).
    /// </summary>
    public static TimerHandlerRegistry Default { get; } = ComplaintTimers.Register(ReturnTimers.Register(OrderTimers.Register(Empty)));

    /// <summary>Gets every (aggregate kind, timer kind) pair with a handler, sorted ordinally.</summary>
    public ImmutableArray<(string AggregateKind, string TimerKind)> Kinds
        => [.. _handlers.Keys.OrderBy(static k => k.AggregateKind, StringComparer.Ordinal).ThenBy(static k => k.TimerKind, StringComparer.Ordinal)];

    /// <summary>Returns a registry that also handles timers of <paramref name="timerKind"/> on aggregates of <paramref name="aggregateKind"/>.</summary>
    /// <param name="aggregateKind">The aggregate kind, such as <c>order</c>.</param>
    /// <param name="timerKind">The timer kind, such as <c>sla-breach</c>.</param>
    /// <param name="factory">Makes the command a due timer fires, given the timer and the command ID to use (<see cref="TimerScheduler.CommandIdFor"/>).</param>
    /// <returns>The new registry; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A kind is blank, or the pair already has a handler.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public TimerHandlerRegistry Add(string aggregateKind, string timerKind, Func<DueTimer, CommandId, EcomCommand> factory)
    {
        Preconditions.CheckNotBlank(aggregateKind);
        Preconditions.CheckNotBlank(timerKind);
        ArgumentNullException.ThrowIfNull(factory);
        Preconditions.CheckArgument(!_handlers.ContainsKey((aggregateKind, timerKind)), nameof(timerKind),
            $"Timers of kind '{timerKind}' on '{aggregateKind}' already have a handler.");
        return new(_handlers.Add((aggregateKind, timerKind), factory));
    }

    /// <summary>Whether timers of <paramref name="timerKind"/> on aggregates of <paramref name="aggregateKind"/> have a handler.</summary>
    /// <param name="aggregateKind">The aggregate kind.</param>
    /// <param name="timerKind">The timer kind.</param>
    /// <returns>True when registered.</returns>
    public bool Handles(string aggregateKind, string timerKind) => _handlers.ContainsKey((aggregateKind, timerKind));

    /// <summary>Makes the command <paramref name="timer"/> fires, with command ID <see cref="TimerScheduler.CommandIdFor"/>.</summary>
    /// <param name="timer">The due timer.</param>
    /// <returns>The command, or null when the timer's kind has no handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timer"/> is null.</exception>
    public EcomCommand? CommandFor(DueTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return _handlers.TryGetValue((timer.Target.Kind, timer.Kind), out var factory) ? factory(timer, TimerScheduler.CommandIdFor(timer)) : null;
    }
}
