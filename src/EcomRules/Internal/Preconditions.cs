using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EcomRules.Internal;

/// <summary>
/// Argument and state checks used across the library (the NodaTime pattern): one place, one message style.
/// </summary>
internal static class Preconditions
{
    /// <summary>Returns <paramref name="argument"/> or throws <see cref="ArgumentNullException"/>.</summary>
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
        => argument ?? throw new ArgumentNullException(paramName);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="expression"/> is false.</summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the string is null, empty or white space.</summary>
    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        return argument;
    }

    /// <summary>Checks an aggregate ID: 1-64 characters without white space or '/' (it becomes part of a store key).</summary>
    internal static string CheckAggregateId([NotNull] string? argument, string what, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        CheckNotBlank(argument, paramName);
        CheckArgument(argument.Length <= 64 && !argument.Any(c => char.IsWhiteSpace(c) || c == '/'), paramName ?? what,
            $"'{argument}' is not {what}: use 1-64 characters without white space or '/'.");
        return argument;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is in [min, max].</summary>
    internal static int CheckArgumentRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"The value must be between {min} and {max} inclusive.");
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is negative.</summary>
    internal static long CheckNotNegative(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must not be negative.");
        }

        return value;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when <paramref name="expression"/> is false.</summary>
    internal static void CheckState([DoesNotReturnIf(false)] bool expression, string message)
    {
        if (!expression)
        {
            throw new InvalidOperationException(message);
        }
    }
}
