using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>A fault a <see cref="FaultInjectingStore"/> injected.</summary>
/// <param name="Kind">What was injected.</param>
/// <param name="Operation">The store method it was injected into (<c>SaveAsync</c>, <c>LoadAsync</c> …).</param>
/// <param name="CommandId">The command whose save it hit; default for other calls.</param>
/// <param name="Delay">The delay; zero for the other kinds.</param>
public sealed record InjectedFault(InjectedFaultKind Kind, string Operation, CommandId CommandId, Duration Delay);
