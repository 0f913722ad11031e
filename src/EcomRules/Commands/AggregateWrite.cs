namespace EcomRules.Commands;

/// <summary>A new state for one aggregate, saved only if the stored version is still <see cref="ExpectedVersion"/>.</summary>
/// <param name="Key">The aggregate.</param>
/// <param name="ExpectedVersion">The version the decision was made on; 0 for a new aggregate.</param>
/// <param name="State">The new state (an immutable aggregate).</param>
public sealed record AggregateWrite(AggregateKey Key, long ExpectedVersion, object State)
{
    /// <summary>Gets the version after the write.</summary>
    public long NewVersion => ExpectedVersion + 1;
}
