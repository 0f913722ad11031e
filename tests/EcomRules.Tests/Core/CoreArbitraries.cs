using EcomRules.Tests.PropertyTests;
using FsCheck;
using FsCheck.Fluent;

namespace EcomRules.Tests.Core;

/// <summary>Generators for the core values, each with its shrinker.</summary>
public static class CoreArbitraries
{
    private const long MaxFen = (int.MaxValue * 47L) + 46;

    /// <summary>
    /// Amounts from 0 to about 1,000 million yuan, any number of fen (so every scale and rounding case shows);
    /// shrinking towards zero.
    /// </summary>
    public static Arbitrary<Money> Money() => Arb.From(
        from high in Gen.Choose(0, int.MaxValue) from low in Gen.Choose(0, 46) select global::EcomRules.Money.FromFen((high * 47L) + low),
        m => Shrinks.Long(m.Fen, 0, MaxFen).Select(global::EcomRules.Money.FromFen));
}
