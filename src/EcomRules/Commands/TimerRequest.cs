using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Asks the store to keep a durable timer (an SLA warning or breach, a dispatch deadline, a return window closing):
/// saved with the change that scheduled it, fired by the timer scheduler once due. Scheduling the same
/// <see cref="TimerId"/> again moves it; a null <see cref="DueAt"/> cancels it.
/// </summary>
/// <param name="TimerId">Unique per timer, such as <c>order/42/SLA-1</c>.</param>
/// <param name="Target">The aggregate the timer belongs to.</param>
/// <param name="Kind">What the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</param>
/// <param name="DueAt">When it is due; null cancels the timer.</param>
public sealed record TimerRequest(string TimerId, AggregateKey Target, string Kind, Instant? DueAt)
{
    /// <summary>Creates a request for the timer <c>{target.Kind}/{target.Id}/{name}</c>.</summary>
    /// <param name="target">The aggregate the timer belongs to.</param>
    /// <param name="name">The timer's name under its aggregate, such as <c>SLA-1</c>.</param>
    /// <param name="kind">What the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</param>
    /// <param name="dueAt">When it is due; null cancels the timer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public TimerRequest(AggregateKey target, string name, string kind, Instant? dueAt)
        : this(string.Concat(target.Kind, "/", target.Id, "/", name ?? throw new ArgumentNullException(nameof(name))), target, kind, dueAt)
    {
    }

    /// <summary>Gets the timer's ID, unique per timer, such as <c>order/42/SLA-1</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string TimerId { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = TimerId ?? throw new ArgumentNullException(nameof(TimerId));
}
