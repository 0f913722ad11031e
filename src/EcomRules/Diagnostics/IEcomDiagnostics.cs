using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Diagnostics;

/// <summary>
/// How the core reports what it does, without depending on a logging or metrics library. Hosting maps it to
/// <c>ILogger</c>, a <c>Meter</c> and an <c>ActivitySource</c>; the default does nothing. Implementations must be
/// fast and must not throw. Nothing passed here carries personal data unmasked (SEC-1).
/// </summary>
public interface IEcomDiagnostics
{
    /// <summary>
    /// A command starts executing. The engine disposes what this returns when the execution ends (decided, or failed
    /// with an exception), so an implementation can time it or open a span around it.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>What ends with the execution; null (the default) for nothing.</returns>
    IDisposable? CommandStarting(EcomCommand command) => null;

    /// <summary>A command was decided (accepted, refused or replayed).</summary>
    /// <param name="command">The command.</param>
    /// <param name="decision">The decision.</param>
    void CommandDecided(EcomCommand command, Decision decision);

    /// <summary>A save met a concurrent change and the engine decides again.</summary>
    /// <param name="command">The command.</param>
    /// <param name="conflict">The conflict.</param>
    /// <param name="attempt">The attempt that conflicted, from 1.</param>
    void ConcurrencyRetry(EcomCommand command, ConcurrencyConflictException conflict, int attempt);

    /// <summary>
    /// A command's deadlines were computed on provisional calendar days: <paramref name="year"/> has no public-holiday
    /// data and counts as ordinary weeks (DSP-1). Called once per command; a host logs once per year. The default does
    /// nothing.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="year">The uncovered year the deadlines reach.</param>
    /// <param name="deadlines">How many deadlines were computed provisionally.</param>
    void DeadlinesProvisional(EcomCommand command, int year, int deadlines)
    {
    }

    /// <summary>
    /// A due timer's kind has no handler (<see cref="Ports.TimerHandlerRegistry"/>): it was not fired and stays
    /// stored for a later retry. The default implementation does nothing.
    /// </summary>
    /// <param name="timer">The timer.</param>
    /// <param name="firstOfItsKind">True the first time this scheduler meets this (aggregate kind, timer kind), so a
    /// log can say it once.</param>
    void TimerUnhandled(DueTimer timer, bool firstOfItsKind)
    {
    }

    /// <summary>
    /// A due timer failed to fire: its handler could not build its command, or the command threw (the store failed, the
    /// aggregate kept changing beyond the engine's retries). The timer stays claimed and fires again when its lease
    /// expires; the rest of its batch fires. The default implementation does nothing.
    /// </summary>
    /// <param name="timer">The timer.</param>
    /// <param name="exception">What the handler or the command threw.</param>
    void TimerFailed(DueTimer timer, Exception exception)
    {
    }
}
