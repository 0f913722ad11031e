using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ports;

/// <summary>A durable timer that is due, as claimed from the store.</summary>
/// <param name="TimerId">The timer.</param>
/// <param name="Target">The aggregate it belongs to.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="DueAt">When it was due; completing it deletes it only if it was not moved since.</param>
public sealed record DueTimer(string TimerId, AggregateKey Target, string Kind, Instant DueAt);
