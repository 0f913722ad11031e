using FsCheck;
using FsCheck.Fluent;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// Shrinkers shared by the arbitraries: numbers towards zero (or the low end of their range), arrays by dropping
/// elements and then by shrinking each element, picks from a list towards its first entry.
/// </summary>
internal static class Shrinks
{
    private static readonly Arbitrary<int> Int32 = ArbMap.Default.ArbFor<int>();
    private static readonly Arbitrary<long> Int64 = ArbMap.Default.ArbFor<long>();

    /// <summary>An integer drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>], shrinking inside the range.</summary>
    public static Arbitrary<int> Between(int low, int high) => Arb.From(Gen.Choose(low, high), v => Int(v, low, high));

    /// <summary>FsCheck's own integer shrinks that stay in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static IEnumerable<int> Int(int value, int low, int high) => Int32.Shrinker(value).Where(v => v >= low && v <= high);

    /// <summary>FsCheck's own integer shrinks that stay in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static IEnumerable<long> Long(long value, long low, long high) => Int64.Shrinker(value).Where(v => v >= low && v <= high);

    /// <summary>False for true; nothing for false.</summary>
    public static IEnumerable<bool> Bool(bool value) => value ? [false] : [];

    /// <summary>Earlier entries of <paramref name="choices"/> than <paramref name="value"/>, the first one first.</summary>
    public static IEnumerable<T> Towards<T>(T value, IReadOnlyList<T> choices)
    {
        var index = 0;
        while (index < choices.Count && !EqualityComparer<T>.Default.Equals(choices[index], value))
        {
            index++;
        }

        return Int(index, 0, choices.Count - 1).Select(i => choices[i]);
    }

    /// <summary>
    /// Shorter arrays (each half dropped, then each element dropped), never below <paramref name="minLength"/>; then
    /// the same length with one element shrunk by <paramref name="element"/>.
    /// </summary>
    public static IEnumerable<T[]> Array<T>(T[] items, Func<T, IEnumerable<T>>? element = null, int minLength = 0)
    {
        var half = items.Length / 2;
        if (half > 0 && items.Length - half >= minLength)
        {
            yield return items[half..];
            yield return items[..^half];
        }

        if (items.Length > minLength)
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return [.. items[..i], .. items[(i + 1)..]];
            }
        }

        if (element is null)
        {
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var smaller in element(items[i]))
            {
                var copy = (T[])items.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    /// <summary>Text with one character replaced by <paramref name="alphabet"/>'s first, which every position allows.</summary>
    public static IEnumerable<string> Chars(string text, string alphabet)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != alphabet[0])
            {
                yield return string.Concat(text.AsSpan(0, i), alphabet.AsSpan(0, 1), text.AsSpan(i + 1));
            }
        }
    }
}
