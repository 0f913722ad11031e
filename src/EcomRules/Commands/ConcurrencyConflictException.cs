using System.Globalization;

namespace EcomRules.Commands;

/// <summary>
/// Thrown when an aggregate was changed by someone else between load and save (the version the write expected
/// is not the stored one), and the engine ran out of retries deciding again (Marten's pattern).
/// </summary>
public sealed class ConcurrencyConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The aggregate.</param>
    /// <param name="expectedVersion">The version the write expected.</param>
    /// <param name="actualVersion">The version in the store.</param>
    public ConcurrencyConflictException(AggregateKey key, long expectedVersion, long actualVersion)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"{key} was changed concurrently: expected version {expectedVersion}, found {actualVersion}."))
    {
        Key = key;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the aggregate.</summary>
    public AggregateKey Key { get; }

    /// <summary>Gets the version the write expected (0 for a new aggregate).</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the version found in the store.</summary>
    public long ActualVersion { get; }
}
