namespace EcomRules.Benchmarks;

/// <summary>Benchmark categories the CI run selects and checks.</summary>
public static class Categories
{
    /// <summary>Runs in CI (<c>--ci</c>) with a short job.</summary>
    public const string Ci = "CI";

    /// <summary>Must allocate 0 bytes per operation; CI fails otherwise.</summary>
    public const string ZeroAlloc = "ZeroAlloc";
}
