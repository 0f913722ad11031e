using EcomRules.Engine;

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
}
