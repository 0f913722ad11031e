using System.Globalization;
using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>The assertions of <see cref="StoreContract"/>: framework-agnostic, value equality, clear messages.</summary>
internal static class ContractCheck
{
    internal static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new StoreContractException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: expected {Show(expected)}, got {Show(actual)}."));
        }
    }

    internal static void SequenceEqual<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
    {
        Equal(expected.Count, actual.Count, what + " (count)");
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], string.Create(CultureInfo.InvariantCulture, $"{what} [{i}]"));
        }
    }

    internal static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new StoreContractException(what);
        }
    }

    internal static async Task<TException> ThrowsAsync<TException>(Func<Task> action, string what)
        where TException : Exception
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            throw new StoreContractException(
                $"{what}: expected {typeof(TException).Name}, got {other.GetType().Name}: {other.Message}", other);
        }

        throw new StoreContractException($"{what}: expected {typeof(TException).Name}, but the call succeeded.");
    }

    internal static IEcomStoreInspection Inspection(IEcomStore store)
        => store as IEcomStoreInspection ?? throw new StoreContractException(
            $"{store.GetType().Name} does not implement {nameof(IEcomStoreInspection)}, so the contract cannot see its outbox and timers; "
            + "implement it on the store or on a test-only wrapper that delegates to it.");

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
