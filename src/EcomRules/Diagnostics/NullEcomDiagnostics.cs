using EcomRules.Commands;

namespace EcomRules.Diagnostics;

/// <summary>Diagnostics that report nothing: the default.</summary>
public sealed class NullEcomDiagnostics : IEcomDiagnostics
{
    private NullEcomDiagnostics()
    {
    }

    /// <summary>Gets the instance.</summary>
    public static NullEcomDiagnostics Instance { get; } = new();

    /// <inheritdoc />
    public void CommandDecided(EcomCommand command, Decision decision)
    {
    }

    /// <inheritdoc />
    public void ConcurrencyRetry(EcomCommand command, ConcurrencyConflictException conflict, int attempt)
    {
    }
}
