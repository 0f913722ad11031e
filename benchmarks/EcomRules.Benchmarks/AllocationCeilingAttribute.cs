namespace EcomRules.Benchmarks;

/// <summary>
/// The most a benchmark may allocate per operation: the CI run (<c>--ci</c>) fails when it allocates more, so an
/// allocation regression is caught where it is made. A ceiling guards against regressions; it is not the target.
/// </summary>
/// <param name="bytes">The ceiling in bytes per operation.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllocationCeilingAttribute(long bytes) : Attribute
{
    /// <summary>Gets the ceiling in bytes per operation.</summary>
    public long Bytes { get; } = bytes;
}
