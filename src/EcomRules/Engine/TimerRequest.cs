using NodaTime;

namespace EcomRules.Engine;

/// <summary>
/// Asks the store to keep a durable timer (an SLA warning or breach, a dispatch deadline, a return window closing):
/// saved with the change that scheduled it, fired by the timer scheduler once due. Scheduling the same
/// <see cref="TimerId"/> again moves it; a null <see cref="DueAt"/> cancels it.
/// </summary>
/// <param name="TimerId">Unique per timer, such as <c>order/42/SLA-1</c>.</param>
/// <param name="Target">The aggregate the timer belongs to.</param>
/// <param name="Kind">What the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</param>
/// <param name="DueAt">When it is due; null cancels the timer.</param>
public sealed record TimerRequest(string TimerId, AggregateKey Target, string Kind, Instant? DueAt);
