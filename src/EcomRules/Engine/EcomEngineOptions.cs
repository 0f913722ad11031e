using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Engine;

/// <summary>Options of <see cref="EcomEngine"/>.</summary>
public sealed class EcomEngineOptions
{
    private int _maxConcurrencyRetries = 3;

    /// <summary>Gets or sets how many times a command is decided again after a concurrent change, before
    /// <see cref="ConcurrencyConflictException"/> is thrown.</summary>
    /// <value>The default is 3; between 0 and 100.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..100.</exception>
    public int MaxConcurrencyRetries
    {
        get => _maxConcurrencyRetries;
        set => _maxConcurrencyRetries = Preconditions.CheckArgumentRange(value, 0, 100);
    }
}
